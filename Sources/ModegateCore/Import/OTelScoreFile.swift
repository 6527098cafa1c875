import Foundation

/// The scores of imported trials, kept apart from the traces (`--scores FILE`): JSON lines
/// `{"case_id": "c1", "repetition": 0, "reward": 0.5, "completed": true}`. `repetition` is
/// optional (the line then scores every repetition of the case); a line gives `reward`,
/// `completed` or both. A score overrides the trace's attributes.
public struct OTelScoreFile: Sendable {
    /// One line's score.
    public struct Score: Sendable, Hashable {
        public var caseID: String
        public var repetition: Int?
        public var reward: Double?
        public var completed: Bool?
        public var place: OTLPSpan.Place
    }

    /// Every score, in file order.
    public private(set) var scores: [Score] = []
    /// Where each `case#repetition` (or `case#*`) is in `scores`.
    private var index: [String: Int] = [:]

    /// No scores.
    public init() {}

    private static func key(_ caseID: String, _ repetition: Int?) -> String { "\(caseID)#\(repetition.map(String.init) ?? "*")" }

    /// The scores in `data`, or the diagnostics that reject the file; `file` is the name shown.
    public static func read(_ data: Data, file name: String) -> (scores: OTelScoreFile, diagnostics: [Diagnostic]) {
        var file = OTelScoreFile()
        var diagnostics: [Diagnostic] = []
        for range in JSONLines.ranges(in: data) {
            let text = String(decoding: data[(data.startIndex + range.bytes.lowerBound)..<(data.startIndex + range.bytes.upperBound)], as: UTF8.self)
            if text.allSatisfy(\.isWhitespace) { continue }
            let place = OTLPSpan.Place(file: name, line: range.number)
            func problem(_ message: String) { diagnostics.append(Diagnostic(file: name, line: range.number, column: 0, message: message)) }
            guard let line = try? JSONParser.parse(text), case .object(let fields) = line else {
                problem(#"not a JSON object; each line is {"case_id": "…", "reward": 0.5, "completed": true} (repetition optional)"#)
                continue
            }
            let known: Set<String> = ["case_id", "repetition", "reward", "completed"]
            if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
                problem("unknown key '\(unknown)'; a score line has case_id, repetition, reward and completed")
                continue
            }
            guard let caseID = fields["case_id"]?.stringValue ?? fields["case_id"]?.intValue.map(String.init), !caseID.isEmpty else {
                problem("no case_id; every line names the case it scores")
                continue
            }
            var score = Score(caseID: caseID, repetition: nil, reward: nil, completed: nil, place: place)
            if let value = fields["repetition"], value != .null {
                guard let repetition = value.intValue, repetition >= 0 else {
                    problem("repetition \(value.jsonText) is not a whole number ≥ 0")
                    continue
                }
                score.repetition = repetition
            }
            if let value = fields["reward"], value != .null {
                guard let reward = value.doubleValue, (0...1).contains(reward) else {
                    problem("reward \(value.jsonText) is not a number from 0 to 1")
                    continue
                }
                score.reward = reward
            }
            if let value = fields["completed"], value != .null {
                guard let completed = value.boolValue else {
                    problem("completed \(value.jsonText) is not true or false")
                    continue
                }
                score.completed = completed
            }
            guard score.reward != nil || score.completed != nil else {
                problem("case \(caseID) has neither reward nor completed; give at least one")
                continue
            }
            let key = Self.key(caseID, score.repetition)
            if let first = file.index[key] {
                problem("case \(caseID)\(score.repetition.map { " repetition \($0)" } ?? "") is scored twice (also \(file.scores[first].place))")
                continue
            }
            file.index[key] = file.scores.count
            file.scores.append(score)
        }
        return (file, diagnostics)
    }

    /// The score of a trial: its own line, else its case's line without a repetition.
    func score(caseID: String, repetition: Int) -> Score? {
        guard let at = index[Self.key(caseID, repetition)] ?? index[Self.key(caseID, nil)] else { return nil }
        return scores[at]
    }
}
