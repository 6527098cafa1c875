import ModegateCore

/// What a code-navigation case asks, from its params, and the oracle's answer from the facts the
/// generator recorded (never from searching the text).
struct CodeNavigationTask: Sendable {
    enum Kind: String, Sendable {
        /// `{path, line}` of `def FUNCTION(`.
        case findDefinition = "find_definition"
        /// `{count}` of call sites of FUNCTION in every file.
        case countCalls = "count_calls"
        /// `{functions}`: the functions under src/ whose bodies call FUNCTION, sorted.
        case callers
        /// `{functions}`: the functions that read `settings.FIELD`, sorted.
        case configReaders = "config_readers"
        /// `{functions}`: the functions with no call site anywhere, sorted.
        case unusedFunctions = "unused_functions"
        /// `{path, count}`: the file with the most TODO comments (ties: first path).
        case mostTodos = "most_todos"
        /// `{files}`: the files that import MODULE with `from shop import …`, sorted.
        case importers
        /// `{field, value}`: a setting's value in config/settings.toml.
        case configValue = "config_value"
    }

    var kind: Kind
    var params: SuiteParams

    init?(params: JSONValue) {
        let values = SuiteParams(params)
        guard let kind = values.string("task").flatMap(Kind.init(rawValue:)) else { return nil }
        self.kind = kind
        self.params = values
    }

    func expected(in tree: SourceTree) -> JSONValue? {
        switch kind {
        case .findDefinition:
            guard let definition = params.string("function").flatMap({ tree.definitions[$0] }) else { return nil }
            return ["path": .string(definition.path), "line": .number(Double(definition.line))]
        case .countCalls:
            guard let function = params.string("function") else { return nil }
            return ["count": .number(Double(tree.calls.filter { $0.callee == function }.count))]
        case .callers:
            guard let function = params.string("function") else { return nil }
            return Self.names(tree.calls.filter { $0.callee == function }.compactMap(\.caller))
        case .configReaders:
            guard let field = params.string("field") else { return nil }
            return Self.names(tree.settingReads.filter { $0.field == field }.map(\.function))
        case .unusedFunctions:
            let called = Set(tree.calls.map(\.callee))
            return Self.names(SourceTree.functions.filter { !called.contains($0) })
        case .mostTodos:
            guard let top = tree.todos.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
            return ["path": .string(top.key), "count": .number(Double(top.value))]
        case .importers:
            guard let module = params.string("module") else { return nil }
            let files = tree.imports.filter { $0.value.contains(module) }.map(\.key).sorted()
            return ["files": .array(files.map(JSONValue.string))]
        case .configValue:
            guard let field = params.string("field"), let value = tree.settings[field] else { return nil }
            return ["field": .string(field), "value": value]
        }
    }

    /// `{"functions": [...]}`, distinct and sorted.
    private static func names(_ names: [String]) -> JSONValue {
        ["functions": .array(Set(names).sorted().map(JSONValue.string))]
    }
}
