/// A one-line account of a `DecodingError`: which field, and what was wrong with it.
public struct DecodingProblem: CustomStringConvertible, Sendable {
    /// The account: `missing field 'cases.id'`, `field 'reward' should be Double`, ...
    public let description: String

    /// The account of `error`; other errors keep their own description.
    public init(_ error: Error) {
        guard let error = error as? DecodingError else {
            description = "\(error)"
            return
        }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.hasPrefix(".") ? String(keys.dropFirst()) : keys
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            description = "missing field '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)'"
        case .typeMismatch(let type, let context):
            description = "field '\(path(context))' should be \(type)"
        case .valueNotFound(let type, let context):
            description = "field '\(path(context))' is null, expected \(type)"
        case .dataCorrupted(let context):
            let at = path(context)
            description = at.isEmpty ? "invalid JSON" : "field '\(at)': \(context.debugDescription)"
        @unknown default:
            description = "\(error)"
        }
    }
}
