import Foundation

/// Reads a gate file into a `GatePlan`: parse the YAML, validate it against `GateSchema.root` while
/// filling defaults, apply the cross-field rules, then decode the tree into the typed plan.
/// Every problem found is collected before failing; nothing in the file is expanded from the environment.
public enum GateLoader {
    /// Loads the gate file at `path`.
    ///
    /// - Parameter sha256: hex SHA-256 of the file bytes (`SHA256.hex`), stored as
    ///   `GatePlan.sourceSHA256` and in every run's manifest; `nil` leaves it unset (`check`).
    /// - Throws: `DiagnosticsError` with every diagnostic; a missing or unreadable file is one at line 0.
    public static func load(path: String, sha256: ((Data) -> String)? = nil) throws -> GatePlan {
        let data = try readFile(at: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(file: path, line: 0, column: 0, message: GateMessage.notUTF8)])
        }
        return try plan(from: validatedTree(yaml: text, path: path), path: path, sha256: sha256?(data))
    }

    /// Loads gate text already in memory; `path` names it in diagnostics and the plan.
    public static func load(yaml: String, path: String, sha256: ((Data) -> String)? = nil) throws -> GatePlan {
        try plan(from: validatedTree(yaml: yaml, path: path), path: path, sha256: sha256?(Data(yaml.utf8)))
    }

    /// The validated tree with every default filled, as the file's own keys (what `modegate check` can show).
    public static func validatedTree(yaml: String, path: String) throws -> JSONValue {
        try SchemaDocument.validatedTree(
            yaml: yaml, path: path, schema: GateSchema.root, rules: GateRules.self,
            wording: wording)
    }

    static let wording = SchemaDocument.Wording(
        documentName: "gate file", emptyFile: GateMessage.emptyFile, notMapping: GateMessage.rootNotMapping, cannotRead: GateMessage.cannotRead)

    private static func readFile(at path: String) throws -> Data {
        try SchemaDocument.readFile(at: path, wording: wording)
    }

    /// Adds what the plan holds beyond the file's keys, then decodes. The tree already matches the
    /// plan types, so a decoding failure is a bug in this module, reported as such rather than trapped.
    private static func plan(from tree: JSONValue, path: String, sha256: String?) throws -> GatePlan {
        guard case .object(var members) = tree, case .object(var judgement)? = members["judgement"] else {
            throw mismatch("the tree is not a mapping with a judgement")
        }
        judgement["seed"] = members["workload"]?["seed"]
        members["judgement"] = .object(judgement)
        if members["name"] == nil || members["name"] == .null {
            members["name"] = .string(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        }
        for arm in ["baseline", "candidate"] {
            guard case .object(var settings)? = members[arm] else { continue }
            // An arm's instructions file becomes its text, so the plan holds what the model is told.
            if let file = settings["instructions_file"]?.stringValue {
                let url = GateRules.instructionsURL(file, gate: path)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw mismatch("\(url.path) became unreadable") }
                settings["instructions"] = .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            // An arm's model is resolved over the shared one, so the plan holds the model it plays.
            settings["model"] = ArmModelMerge.merged(shared: members["model"], arm: settings["model"]) ?? .null
            members[arm] = .object(settings)
        }
        members["source_path"] = .string(path)
        members["source_sha256"] = sha256.map(JSONValue.string) ?? .null
        do {
            let data = try StableJSON.data(JSONValue.object(members), pretty: false)
            return try StableJSON.decoder().decode(GatePlan.self, from: data)
        } catch {
            throw mismatch("\(error)")
        }
    }

    private static func mismatch(_ detail: String) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(file: "modegate", line: 0, column: 0, message: GateMessage.planMismatch(detail))])
    }
}
