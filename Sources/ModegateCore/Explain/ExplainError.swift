/// Why `explain` cannot explain: bad input, exit 3.
public enum ExplainError: Error, Sendable, CustomStringConvertible {
    /// `--case` names a case neither run played.
    case unknownCase(String, known: [String])
    /// A run is an imported RLM Code summary, which keeps no answers or transcripts.
    case notNative(path: String)

    public var description: String {
        switch self {
        case .unknownCase(let name, let known):
            let suggestion = NameSuggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "no paired case '\(name)'\(suggestion); give PRESET/CASE or a case id both runs played"
        case .notNative(let path):
            return "\(path): error: an imported RLM Code summary keeps no answers or transcripts to explain; explain modegate runs"
        }
    }
}
