/// What sequential judging did (`sequential` in the verdict): how many cases it used of the
/// workload's, after how many looks, whether it stopped early, and what the fixed-size run it
/// replaced would have cost.
public struct SequentialSummary: Sendable, Hashable, Codable {
    /// The gate's settings.
    public var batchCases: Int
    public var minCases: Int
    /// How the gates were decided, in words (docs/judge.md has the why).
    public var method: String
    /// Paired cases and trials the verdict rests on.
    public var casesUsed: Int
    public var trialsUsed: Int
    /// Cases the workload planned (trials planned ÷ repetitions).
    public var casesPlanned: Int
    /// Looks taken (one after each batch from `min_cases` on).
    public var looks: Int
    /// True when every gate was decided before the workload ran out.
    public var stoppedEarly: Bool
    /// The fixed-size run: both arms' planned trials, and their requests, tokens and cost at
    /// the per-trial means of the trials played.
    public var fixedSize: Spending
    /// The same figures for the trials played.
    public var used: Spending

    /// Trials, model requests, tokens and cost of both arms together.
    public struct Spending: Sendable, Hashable, Codable {
        public var trials: Int
        public var modelRequests: Int
        public var tokens: Int
        public var cost: Double

        enum CodingKeys: String, CodingKey {
            case trials, tokens, cost
            case modelRequests = "model_requests"
        }
    }

    /// The share of the fixed-size run's trials played.
    public var fractionUsed: Double { fixedSize.trials > 0 ? Double(used.trials) / Double(fixedSize.trials) : 1 }

    enum CodingKeys: String, CodingKey {
        case method, looks, used
        case batchCases = "batch_cases", minCases = "min_cases", casesUsed = "cases_used", trialsUsed = "trials_used"
        case casesPlanned = "cases_planned", stoppedEarly = "stopped_early", fixedSize = "fixed_size"
    }
}
