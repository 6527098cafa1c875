import Foundation
import ModegateCore

/// The versioned JSON document of a verdict (`docs/verdict.schema.json`): the verdict's own fields
/// plus what a pipeline needs to read it without modegate: the schema version, the tool, the time,
/// the status, the exit code and the decision, all computed from the same `Verdict`.
public struct VerdictDocument: Encodable, Sendable {
    /// Bumped only when a field changes meaning or disappears; new fields keep the version.
    public static let schemaVersion = 1

    /// The verdict the document carries.
    public var verdict: Verdict
    /// The tool version and the time the document states.
    public var context: ReportContext

    /// Wraps a verdict for encoding.
    public init(verdict: Verdict, context: ReportContext) {
        self.verdict = verdict
        self.context = context
    }

    private struct Tool: Encodable {
        var name = "modegate"
        var version: String
    }

    private enum Keys: String, CodingKey {
        case schemaVersion = "schema_version", tool, generatedAt = "generated_at", status
        case exitCode = "exit_code", decision
    }

    /// Writes the document's own fields and the verdict's into one object.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(Tool(version: context.toolVersion), forKey: .tool)
        try container.encode(context.generatedAt, forKey: .generatedAt)
        try container.encode(verdict.status, forKey: .status)
        try container.encode(verdict.exitStatus.rawValue, forKey: .exitCode)
        try container.encode(verdict.decision, forKey: .decision)
        // The verdict writes its own fields into the same object, so the document cannot fall
        // behind the model when ModegateCore adds a field.
        try verdict.encode(to: encoder)
    }

    /// Pretty JSON with sorted keys and a trailing newline; non-finite numbers become `null`.
    public func json() throws -> String {
        // JSONEncoder can only write NaN and infinities as strings (StableJSON writes "NaN"), which
        // a consumer would read as text where a number belongs. Encode them as a marker string that
        // no verdict field holds (it contains NUL characters) and turn the quoted marker into null.
        let encoder = StableJSON.encoder(pretty: true)
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: Self.nonFiniteMarker, negativeInfinity: Self.nonFiniteMarker, nan: Self.nonFiniteMarker)
        let text = String(decoding: try encoder.encode(self), as: UTF8.self)
        return text.replacingOccurrences(of: Self.encodedMarker, with: "null") + "\n"
    }

    private static let nonFiniteMarker = "\u{0}modegate:non-finite\u{0}"
    /// The marker as JSONEncoder writes it, quotes included.
    private static let encodedMarker = #""\u0000modegate:non-finite\u0000""#
}
