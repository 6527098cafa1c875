import Foundation

/// Reads a preset file (`presets/*.yaml` or a user's own) into a `Preset`: parse the YAML, validate
/// it against `PresetSchema.root` with the gate file's validator (so both report alike, with
/// did-you-mean for unknown keys), apply the cross-case rules, then build the typed preset.
/// Every problem is collected before failing.
///
/// Whether a case without `expected` has an oracle, and whether a built-in suite exists, depends
/// on the suites, which the core does not know; the harness checks those when it plans a run.
public enum PresetLoader {
    /// Loads the preset file at `path`.
    /// - Throws: `DiagnosticsError` with every diagnostic; a missing or unreadable file is one at line 0.
    public static func load(path: String) throws -> Preset {
        let data = try readFile(at: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(file: path, line: 0, column: 0, message: PresetMessage.notUTF8)])
        }
        return try load(yaml: text, path: path)
    }

    /// Loads preset text already in memory; `path` names it in diagnostics and in `Preset.sourcePath`.
    /// - Throws: `DiagnosticsError` with every diagnostic, in file order.
    public static func load(yaml: String, path: String) throws -> Preset {
        let document = try YAMLDocumentReader.read(yaml, file: path, documentName: "preset file")
        guard let root = document.root else {
            throw DiagnosticsError([Diagnostic(file: path, line: 0, column: 0, message: PresetMessage.emptyFile)])
        }
        guard case .mapping = root else {
            let position = document.position(of: root)
            throw DiagnosticsError([Diagnostic(
                file: path, line: position.line, column: position.column,
                message: PresetMessage.rootNotMapping(found: root.foundDescription))])
        }
        var validator = SchemaValidator(file: path, document: document)
        let tree = validator.validate(root, as: .object(PresetSchema.root), at: .root) ?? .null
        var rules = PresetRules(file: path, positions: validator.positions)
        rules.check(tree)
        let diagnostics = Diagnostic.inFileOrder(validator.diagnostics + rules.diagnostics)
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        do {
            return try PresetBuilder.preset(from: tree, path: path)
        } catch {
            let detail = (error as? PresetBuilder.Mismatch)?.detail ?? "\(error)"
            throw DiagnosticsError([Diagnostic(
                file: path, line: 0, column: 0, message: PresetMessage.planMismatch(detail))])
        }
    }

    private static func readFile(at path: String) throws -> Data {
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
        throw DiagnosticsError([Diagnostic(file: path, line: 0, column: 0, message: PresetMessage.cannotRead(reason))])
    }
}
