/// Why a stored run or a reference to one could not be used. Each message names the place and
/// the fix; all of them are invalid input (exit 3).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRuns(store: String)
    case noPreviousRun(before: String)
    case unknownReference(String, known: [String])
    case ambiguousReference(String, matches: [String])
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int?, reason: String)
    case alreadyExists(path: String)

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
        case .alreadyExists(let path):
            return "\(path): error: a run already exists here; choose another run id"
        }
    }
}
