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
        guard let place else { return problem }
        return "\(place.line.map { "\(place.path):\($0)" } ?? place.path): error: \(problem)"
    }

    /// The file (and line) the problem is in; nil for a problem with a reference or the store.
    public var place: (path: String, line: Int?)? {
        switch self {
        case .unreadable(let path, _), .alreadyExists(let path): (path, nil)
        case .malformed(let path, let line, _), .unsupportedSchema(let path, let line, _, _): (path, line)
        case .noRuns, .noPreviousRun, .unknownReference, .ambiguousReference: nil
        }
    }

    /// The problem and its fix, without its place.
    public var problem: String {
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
        case .unreadable(_, let reason):
            return "cannot read: \(reason)"
        case .malformed(_, _, let reason):
            return reason
        case .unsupportedSchema(_, _, let found, let isNewer):
            let reads = "this modegate reads versions \(RecordSchema.unversioned) to \(RecordSchema.current)"
            return isNewer
                ? "schema_version \(found) is newer than \(reads); upgrade modegate to read this run"
                : "schema_version \(found) is not a version any modegate writes (\(reads)); the file was edited or is not a modegate record"
        case .alreadyExists:
            return "a run already exists here; choose another run id"
        }
    }
}
