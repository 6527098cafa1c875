/// Why a stored run or a reference to one could not be used. Each message names the place and
/// the fix; all of them are invalid input (exit 3).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store has no runs at all.
    case noRuns(store: String)
    /// `previous` found no run finished before the candidate.
    case noPreviousRun(before: String)
    /// No run matches the reference; `known` lists some that would.
    case unknownReference(String, known: [String])
    /// An id prefix matches several runs.
    case ambiguousReference(String, matches: [String])
    /// A file cannot be read (or replaced, for a write).
    case unreadable(path: String, reason: String)
    /// A file reads but is not what it should be; `line` for a JSON-lines file.
    case malformed(path: String, line: Int?, reason: String)
    /// A new run would overwrite a run already stored.
    case alreadyExists(path: String)
    /// A file (or, with `line`, one line) carries a `schema_version` this build cannot read:
    /// `isNewer` for one a later modegate writes.
    case unsupportedSchema(path: String, line: Int?, found: String, isNewer: Bool)

    /// The problem, its place and its fix, in one line.
    public var description: String {
        switch self {
        case .noRuns(let store):
            return "no stored runs in \(store); run `modegate run GATE.yaml` or pass a run folder or summary path"
        case .noPreviousRun(let before):
            return "no run finished before \(before); pass --baseline with a run id or path"
        case .unknownReference(let reference, let known):
            let hint = known.isEmpty ? "" : " (known: \(known.prefix(5).joined(separator: ", "))\(known.count > 5 ? ", …" : ""))"
            return "no run matches '\(reference)'\(hint); use latest, previous, latest:STRATEGY, a run id or prefix, or a path"
        case .ambiguousReference(let reference, let matches):
            return "'\(reference)' matches \(matches.count) runs (\(matches.prefix(5).joined(separator: ", "))); give more of the id"
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read: \(reason)"
        case .malformed(let path, let line, let reason):
            let location = line.map { "\(path):\($0)" } ?? path
            return "\(location): error: \(reason)"
        case .unsupportedSchema(let path, let line, let found, let isNewer):
            let location = line.map { "\(path):\($0)" } ?? path
            let reads = "this modegate reads versions \(RecordSchema.unversioned) to \(RecordSchema.current)"
            return isNewer
                ? "\(location): error: schema_version \(found) is newer than \(reads); upgrade modegate to read this run"
                : "\(location): error: schema_version \(found) is not a version any modegate writes (\(reads)); the file was edited or is not a modegate record"
        case .alreadyExists(let path):
            return "\(path): error: a run already exists here; choose another run id"
        }
    }
}
