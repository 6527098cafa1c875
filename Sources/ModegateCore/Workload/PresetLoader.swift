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
        let tree = try SchemaDocument.validatedTree(
            yaml: yaml, path: path, schema: PresetSchema.root, rules: PresetRules.self,
            wording: wording)
        do {
            return try PresetBuilder.preset(from: tree, path: path)
        } catch {
            let detail = (error as? PresetBuilder.Mismatch)?.detail ?? "\(error)"
            throw DiagnosticsError([Diagnostic(
                file: path, line: 0, column: 0, message: PresetMessage.planMismatch(detail))])
        }
    }

    static let wording = SchemaDocument.Wording(
        documentName: "preset file", emptyFile: PresetMessage.emptyFile, notMapping: PresetMessage.rootNotMapping, cannotRead: PresetMessage.cannotRead)

    private static func readFile(at path: String) throws -> Data {
        try SchemaDocument.readFile(at: path, wording: wording)
    }
}
