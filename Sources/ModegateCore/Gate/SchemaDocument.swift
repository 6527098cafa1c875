import Foundation

/// A YAML file read against a schema and its rules: every diagnostic collected, in file order,
/// or the validated tree with every default filled.
enum SchemaDocument {
    struct Wording: Sendable {
        var documentName: String
        var emptyFile: String
        var notMapping: @Sendable (String) -> String
        var cannotRead: @Sendable (String) -> String
    }

    /// The file's bytes, or a diagnostic saying why there are none.
    static func readFile(at path: String, wording: Wording) throws -> Data {
        var isDirectory: ObjCBool = false
        let reason: String
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            reason = "no such file"
        } else if isDirectory.boolValue {
            reason = "it is a directory"
        } else if let data = FileManager.default.contents(atPath: path) {
            return data
        } else {
            reason = "permission denied"
        }
        throw DiagnosticsError([Diagnostic(file: path, line: 0, column: 0, message: wording.cannotRead(reason))])
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
