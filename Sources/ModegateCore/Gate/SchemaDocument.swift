/// Cross-field checks run on a validated tree (the gate's and the preset's).
protocol TreeRules {
    init(file: String, positions: [SchemaPath: SourcePosition])
    mutating func check(_ tree: JSONValue)
    var diagnostics: [Diagnostic] { get }
}

extension GateRules: TreeRules {}
extension PresetRules: TreeRules {}

/// A YAML file read against a schema and its rules: every diagnostic collected, in file order,
/// or the validated tree with every default filled.
enum SchemaDocument {
    struct Wording {
        var documentName: String
        var emptyFile: String
        var notMapping: (String) -> String
    }

    static func validatedTree<Rules: TreeRules>(
        yaml: String, path: String, schema: SchemaObject, rules: Rules.Type, wording: Wording
    ) throws -> JSONValue {
        let document = try YAMLDocumentReader.read(yaml, file: path, documentName: wording.documentName)
        guard let root = document.root else {
            throw DiagnosticsError([Diagnostic(file: path, line: 0, column: 0, message: wording.emptyFile)])
        }
        guard case .mapping = root else {
            let position = document.position(of: root)
            throw DiagnosticsError([Diagnostic(
                file: path, line: position.line, column: position.column,
                message: wording.notMapping(root.foundDescription))])
        }
        var validator = SchemaValidator(file: path, document: document)
        let tree = validator.validate(root, as: .object(schema), at: .root) ?? .null
        var checks = Rules(file: path, positions: validator.positions)
        checks.check(tree)
        let diagnostics = Diagnostic.inFileOrder(validator.diagnostics + checks.diagnostics)
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        return tree
    }
}
