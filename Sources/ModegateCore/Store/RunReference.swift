import Foundation

/// A way of naming a run on the command line (DESIGN §2 references).
public enum RunReference: Sendable, Hashable, CustomStringConvertible {
    /// The newest run (of a strategy, when given).
    case latest(Strategy?)
    /// The newest run finished before the candidate (of a strategy, when given).
    case previous(Strategy?)
    /// A run id, a unique id prefix, or a path to a run folder, a `summary.json` or an RLM Code summary.
    case named(String)

    /// Reads `latest`, `previous` (or `prev`), either with `:STRATEGY`, or anything else as a name;
    /// an empty text is `latest`. Throws `StoreError` for an unknown strategy.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ":", maxSplits: 1).map(String.init)
        let keyword = parts.first?.lowercased() ?? ""
        guard keyword == "latest" || keyword == "previous" || keyword == "prev" || trimmed.isEmpty else {
            self = .named(trimmed)
            return
        }
        var strategy: Strategy?
        if parts.count == 2 {
            guard let named = Strategy(rawValue: parts[1].lowercased()) else {
                throw StoreError.unknownReference(
                    text, known: Strategy.allCases.map { "\(keyword):\($0.rawValue)" })
            }
            strategy = named
        }
        self = keyword == "latest" || trimmed.isEmpty ? .latest(strategy) : .previous(strategy)
    }

    /// The reference as it is written on the command line.
    public var description: String {
        switch self {
        case .latest(let strategy): strategy.map { "latest:\($0.rawValue)" } ?? "latest"
        case .previous(let strategy): strategy.map { "previous:\($0.rawValue)" } ?? "previous"
        case .named(let text): text
        }
    }
}
