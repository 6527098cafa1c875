import ModegateCore

/// Accumulates files and facts while the generator writes them line by line.
struct SourceTreeBuilder {
    var tree = SourceTree(files: [], definitions: [:], calls: [], settingReads: [], imports: [:], todos: [:], settings: [:])

    private static let todoNotes = ["handle the empty case", "log failures", "cache this result", "add metrics",
                                    "remove after the migration", "check the rounding"]
    private static let argumentNames = ["items", "cart", "user", "value", "record", "path"]

    mutating func writeModule(_ module: String, functions: [String], callable: [String], moduleOf: [String: String],
                              _ generator: inout SeededGenerator) {
        let path = "src/\(SourceTree.package)/\(module).py"
        var body: [String] = []
        var imported = Set<String>()
        var readsSettings = false
        var todos = 0
        var pending: [(line: Int, callee: String, caller: String)] = []
        var reads: [(function: String, field: String)] = []
        for function in functions {
            if !body.isEmpty { body += ["", ""] }
            var arguments = Self.argumentNames
            generator.shuffle(&arguments)
            body.append("def \(function)(\(arguments.prefix(generator.int(in: 1...2)).joined(separator: ", "))):")
            tree.definitions[function] = .init(function: function, module: module, path: path, line: body.count)
            if generator.chance(0.35) {
                body.append("    # TODO: \(generator.pick(Self.todoNotes))")
                todos += 1
            }
            if generator.chance(0.45) {
                let field = generator.pick(SourceTree.settingFields)
                body.append("    limit = settings.\(field)")
                readsSettings = true
                reads.append((function, field))
            }
            let candidates = callable.filter { $0 != function }
            let callCount = generator.int(in: 0...2)
            for _ in 0..<callCount {
                let callee = generator.pick(candidates)
                let home = moduleOf[callee]!
                let qualified = home == module ? callee : "\(home).\(callee)"
                if home != module { imported.insert(home) }
                body.append("    result = \(qualified)(\(generator.pick(Self.argumentNames)))")
                pending.append((body.count, callee, function))
            }
            body.append(callCount > 0 ? "    return result" : "    return None")
        }
        var header = ["\"\"\"The \(module) module of the shop service.\"\"\"", ""]
        if readsSettings { header.append("from \(SourceTree.package).config import settings") }
        if !imported.isEmpty {
            header.append("from \(SourceTree.package) import \(imported.sorted().joined(separator: ", "))")
            tree.imports[path] = imported.sorted()
        }
        if header.count > 2 { header.append("") }
        header.append("")
        // Line numbers were counted within the body; the header shifts them all.
        for function in functions { tree.definitions[function]?.line += header.count }
        for call in pending {
            tree.calls.append(.init(caller: call.caller, callee: call.callee, path: path, line: call.line + header.count))
        }
        tree.settingReads += reads.map { .init(function: $0.function, field: $0.field, path: path) }
        if todos > 0 { tree.todos[path] = todos }
        tree.files.append(.init(path: path, lines: header + body))
    }

    mutating func writeTests(_ module: String, functions: [String], _ generator: inout SeededGenerator) {
        let path = "tests/test_\(module).py"
        var lines = ["\"\"\"Tests of the \(module) module.\"\"\"", "", "from \(SourceTree.package) import \(module)", ""]
        tree.imports[path] = [module]
        var number = 0
        for function in functions where generator.chance(0.7) {
            number += 1
            lines += ["", "def test_\(number)():"]
            lines.append("    assert \(module).\(function)(\(generator.pick(Self.argumentNames))) is not None")
            tree.calls.append(.init(caller: nil, callee: function, path: path, line: lines.count))
        }
        if number == 0 { lines += ["", "def test_placeholder():", "    assert True"] }
        tree.files.append(.init(path: path, lines: lines))
    }

    mutating func writeConfig(_ generator: inout SeededGenerator) {
        let values: [String: JSONValue] = [
            "timeout_ms": .number(Double(generator.int(in: 5...60) * 100)),
            "retry_limit": .number(Double(generator.int(in: 1...8))),
            "currency": .string(generator.pick(["EUR", "USD", "GBP", "CHF"])),
            "tax_rate": .number(Double(generator.int(in: 5...25)) / 100),
            "smtp_host": .string(generator.pick(["mail.internal", "smtp.example.com", "relay.local"])),
            "batch_size": .number(Double(generator.int(in: 1...20) * 50)),
            "cache_ttl": .number(Double(generator.int(in: 1...24) * 300)),
            "region": .string(generator.pick(["eu-west", "us-east", "ap-south"])),
        ]
        tree.settings = values
        var lines = ["# Service settings, read through shop.config.settings.", "", "[shop]"]
        for field in SourceTree.settingFields {
            let value = values[field]!
            lines.append("\(field) = \(value.jsonText)")
        }
        tree.files.append(.init(path: "config/settings.toml", lines: lines))
        tree.files.append(.init(path: "src/\(SourceTree.package)/config.py", lines: [
            "\"\"\"Loads config/settings.toml once, at import.\"\"\"", "", "import tomllib",
            "from types import SimpleNamespace", "",
            "with open(\"config/settings.toml\", \"rb\") as handle:",
            "    settings = SimpleNamespace(**tomllib.load(handle)[\"shop\"])",
        ]))
        tree.files.append(.init(path: "README.md", lines: [
            "# shop", "", "A small order service: catalog, cart, checkout, billing and notifications.",
            "", "Settings live in config/settings.toml; tests in tests/.",
        ]))
        tree.files.sort { $0.path < $1.path }
    }
}
