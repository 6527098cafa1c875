/// The RLM Code spelling of `bench compare|validate`: `key=value` words, positional references,
/// and `--json` / `format=json` / `output=json`. Keys are case-insensitive, booleans take
/// on/off/true/false/yes/no/1/0, and an unknown key is a usage error, as in RLM Code.
public struct RLMBenchArguments: Sendable, Equatable {
    /// What RLM Code's spelling did not accept; each is a usage error.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// A threshold that is not a number.
        case invalidNumber(key: String, value: String)
        /// A switch that is not on/off (or true/false, yes/no, 1/0).
        case invalidSwitch(key: String, value: String)
        /// A mode that is not `point` or `statistical` (or, for a run, `harness`).
        case invalidMode(String)
        /// A key RLM Code does not know; `suggestion` is the nearest known one.
        case unknownKey(String, suggestion: String?)
        /// More than two positional references.
        case tooManyReferences([String])

        /// The problem and the accepted spelling, in one line.
        public var description: String {
            switch self {
            case .invalidNumber(let key, let value): "invalid \(key) value '\(value)'; use \(key)=<number>"
            case .invalidSwitch(let key, let value): "invalid \(key) value '\(value)'; use \(key)=on|off"
            case .invalidMode(let value): "invalid mode '\(value)'; use mode=point|statistical"
            case .unknownKey(let key, let suggestion):
                "unknown argument '\(key)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                    + "; accepted: \(RLMBenchArguments.keys.map { "\($0)=" }.joined(separator: " "))"
            case .tooManyReferences(let words): "at most two run references (candidate, baseline), got \(words.joined(separator: " "))"
            }
        }
    }

    static let keys = [
        "candidate", "baseline", "min_reward_delta", "min_completion_delta", "max_steps_increase",
        "fail_on_completion_regression", "mode", "confidence", "bootstrap_resamples", "seed", "format", "output",
    ]

    /// The candidate reference; `latest` when none is given.
    public var candidate = "latest"
    /// The baseline reference; `previous` when none is given.
    public var baseline = "previous"
    /// The thresholds and judgement the words set.
    public var overrides = JudgementOverrides()
    /// Whether JSON output was asked for (`--json`, `format=json`, `output=json`).
    public var json = false

    /// No words: latest against previous, the defaults.
    public init() {}

    /// Reads `key=value` words and up to two references; throws the first problem.
    public init(words: [String]) throws(Problem) {
        var references: [String] = []
        for word in words {
            let lowered = word.lowercased()
            if lowered == "--json" {
                json = true
                continue
            }
            guard let equals = word.firstIndex(of: "=") else {
                references.append(word)
                continue
            }
            let key = lowered[..<equals].trimmingCharacters(in: .whitespaces)
            let value = String(word[word.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            try apply(key: key, value: value)
        }
        guard references.count <= 2 else { throw .tooManyReferences(references) }
        if references.count > 0 { candidate = references[0] }
        if references.count > 1 { baseline = references[1] }
    }

    private mutating func apply(key: String, value: String) throws(Problem) {
        switch key {
        case "candidate": candidate = value.isEmpty ? "latest" : value
        case "baseline": baseline = value.isEmpty ? "previous" : value
        case "min_reward_delta": overrides.minRewardDelta = try number(key, value)
        case "min_completion_delta": overrides.minCompletionDelta = try number(key, value)
        case "max_steps_increase": overrides.maxStepsIncrease = try number(key, value)
        case "fail_on_completion_regression":
            guard let flag = Self.parseSwitch(value) else { throw .invalidSwitch(key: key, value: value) }
            overrides.failOnCompletionRegression = flag
        case "mode":
            guard let mode = JudgementSettings.Mode(rawValue: value.lowercased()) else { throw .invalidMode(value) }
            overrides.mode = mode
        case "confidence":
            let confidence = try number(key, value)
            guard (0.5...0.9999).contains(confidence) else { throw .invalidNumber(key: key, value: value) }
            overrides.confidence = confidence
        case "bootstrap_resamples":
            guard let count = Int(value), (100...1_000_000).contains(count) else { throw .invalidNumber(key: key, value: value) }
            overrides.bootstrapResamples = count
        case "seed":
            guard let seed = UInt64(value) else { throw .invalidNumber(key: key, value: value) }
            overrides.seed = seed
        case "format", "output":
            guard value.lowercased() == "json" else { throw .unknownKey("\(key)=\(value)", suggestion: "\(key)=json") }
            json = true
        default:
            throw .unknownKey(key, suggestion: NameSuggestion.closest(to: key, among: Self.keys))
        }
    }

    /// Python's `float()` accepts underscores between digits (`1_0` is 10.0); so do we.
    private func number(_ key: String, _ value: String) throws(Problem) -> Double {
        guard let number = Double(value.replacingOccurrences(of: "_", with: "")), number.isFinite else {
            throw .invalidNumber(key: key, value: value)
        }
        return number
    }

    /// The boolean RLM Code reads in `text`: on/true/yes/1 or off/false/no/0; nil otherwise.
    public static func parseSwitch(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "true", "yes", "1": true
        case "off", "false", "no", "0": false
        default: nil
        }
    }
}
