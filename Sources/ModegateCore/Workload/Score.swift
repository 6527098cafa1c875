/// The outcome of scoring one answer: a reward in [0, 1] and the evidence behind it (which fields
/// matched, precision and recall, DCG and IDCG …), kept with the trial so a low reward explains itself.
public struct Score: Sendable, Hashable, Codable {
    /// In [0, 1]; 1 is a fully correct answer.
    public var reward: Double
    /// Scorer-specific evidence; always an object with at least `scorer`.
    public var detail: JSONValue

    /// A score as given.
    public init(reward: Double, detail: JSONValue) {
        self.reward = reward
        self.detail = detail
    }

    /// Reward 0 because the answer (or the expected value) does not have the shape the scorer needs.
    /// Scoring never traps on a model's answer; it says what was wrong instead.
    static func unusable(_ scorer: String, _ problem: String) -> Score {
        Score(reward: 0, detail: ["scorer": .string(scorer), "problem": .string(problem)])
    }
}
