import Foundation

/// Where the values of a gate file sit, for problems found only after it loaded (a preset name
/// that names no preset is known once presets are looked up): such a diagnostic points at the
/// value in the file, as the loader's own do.
public struct GateSourceMap: Sendable {
    /// The gate file's path, as given.
    public let file: String
    private let positions: [SchemaPath: SourcePosition]

    /// Reads `path` again. A file the loader accepted parses; if it no longer does, diagnostics
    /// name the file without a position.
    public init(path: String) {
        file = path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
            let document = try? YAMLDocumentReader.read(text, file: path), let root = document.root
        else {
            positions = [:]
            return
        }
        var validator = SchemaValidator(file: path, document: document)
        _ = validator.validate(root, as: .object(GateSchema.root), at: .root)
        positions = validator.positions
    }

    /// An error at `workload.presets[index]`.
    public func presetEntryError(_ message: String, index: Int) -> Diagnostic {
        error(message, at: SchemaPath.root.appending("workload").appending("presets").appending(index: index))
    }

    /// An error at `judgement.sequential`.
    public func sequentialError(_ message: String) -> Diagnostic {
        error(message, at: SchemaPath.root.appending("judgement").appending("sequential"))
    }

    /// Located at the value, or at the nearest enclosing value the file has.
    func error(_ message: String, at path: SchemaPath) -> Diagnostic {
        var lookup: SchemaPath? = path
        var position: SourcePosition?
        while let candidate = lookup, position == nil {
            position = positions[candidate]
            lookup = candidate.parent
        }
        return Diagnostic(file: file, line: position?.line ?? 0, column: position?.column ?? 0, message: message, keyPath: path.description)
    }
}
