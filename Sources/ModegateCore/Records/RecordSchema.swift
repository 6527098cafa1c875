import Foundation

/// The version of what a run stores: `schema_version` in `manifest.json`, in `summary.json`, and
/// on every line of `results.jsonl` and `transcripts.jsonl` (a cassette is a transcripts file).
/// Every reader checks it: a version newer than this build's, or one no build wrote, stops the
/// read with the file, the line and both versions; an older one is read as its version below
/// defines, each versioned decoder taking `version(from:)` first.
///
/// Versions:
/// - 1: the manifest and the summary carried `schema_version: 1`; lines carried none, so a line
///   without one is version 1.
/// - 2: every line carries `schema_version`. The fields added since version 1 are optional
///   (absent means "not recorded"), so version 1 migrates by reading each line as written and
///   writing it back, on resume or merge, as version 2.
public enum RecordSchema {
    /// The version this build writes.
    public static let current = 2
    /// What a file or line without `schema_version` is.
    public static let unversioned = 1

    /// A version a reader cannot take; the reader adds the file and line.
    public struct Unsupported: Error, Sendable, Equatable {
        /// The version as written (`3`, `"two"`).
        public let found: String
        /// Whether it is a version a later build writes, rather than no version at all.
        public let isNewer: Bool
    }

    enum Key: String, CodingKey {
        case schemaVersion = "schema_version"
    }

    /// The version of what `decoder` reads: `unversioned` when absent, else a version this build
    /// reads. Called first by each versioned decoder, so a newer file is named as such before a
    /// field it renamed could fail.
    public static func version(from decoder: any Decoder) throws -> Int {
        let container = try decoder.container(keyedBy: Key.self)
        guard container.contains(.schemaVersion) else { return unversioned }
        if let number = try? container.decode(Int.self, forKey: .schemaVersion) { return try checked(number) }
        let written = (try? container.decode(JSONValue.self, forKey: .schemaVersion)).map(\.jsonText) ?? "?"
        throw Unsupported(found: written, isNewer: false)
    }

    /// `version` when this build reads it.
    public static func checked(_ version: Int) throws -> Int {
        guard (unversioned...current).contains(version) else {
            throw Unsupported(found: String(version), isNewer: version > current)
        }
        return version
    }

    /// A line decoded with the version it was written in, in one pass: what `verify` reports.
    public struct Versioned<Value: Decodable & Sendable>: Decodable, Sendable {
        public let version: Int
        public let value: Value

        public init(from decoder: any Decoder) throws {
            version = try RecordSchema.version(from: decoder)
            value = try Value(from: decoder)
        }
    }

    /// Writes the current version into `encoder`'s object.
    static func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(current, forKey: .schemaVersion)
    }

    /// The error a reader reports for `error` at `path` (and `line`), when it is a version problem.
    public static func storeError(_ error: Error, path: String, line: Int?) -> StoreError? {
        guard let unsupported = error as? Unsupported else { return nil }
        return .unsupportedSchema(path: path, line: line, found: unsupported.found, isNewer: unsupported.isNewer)
    }
}
