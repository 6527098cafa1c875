/// What each arm spent, side by side: tokens, cost, model requests, latency and the tool bytes
/// the model saw, with the candidate's difference from the baseline. One value in the verdict, so
/// the text report, the decision document and the JSON all print the same figures.
///
/// Every figure is taken over the paired trials only, so candidate − baseline is exactly the
/// paired delta whose interval (statistical mode) comes from the gates' bootstrap: the same
/// cases resampled, the same seed and confidence.
public struct CostComparison: Sendable, Hashable, Codable {
    /// Trials the figures are taken over: those present in both runs.
    public var pairedTrials: Int
    /// The pricing currency both arms' costs are in (ISO 4217); nil when cost is not recorded,
    /// or the arms were priced in different currencies (their costs are then not compared).
    public var currency: String?
    /// True when either arm's token counts are estimates (the scripted model), not a provider's.
    public var tokensEstimated: Bool
    /// One row per `CostFigure.Name`, in that order.
    public var figures: [CostFigure]

    /// A comparison as given.
    public init(pairedTrials: Int, currency: String?, tokensEstimated: Bool, figures: [CostFigure]) {
        self.pairedTrials = pairedTrials
        self.currency = currency
        self.tokensEstimated = tokensEstimated
        self.figures = figures
    }

    /// The row of `name`.
    public subscript(_ name: CostFigure.Name) -> CostFigure? { figures.first { $0.name == name } }

    enum CodingKeys: String, CodingKey {
        case pairedTrials = "paired_trials", currency, tokensEstimated = "tokens_estimated", figures
    }

    /// Writes `currency` as an explicit null when there is none, so the key is always there.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pairedTrials, forKey: .pairedTrials)
        try container.encode(currency, forKey: .currency)
        try container.encode(tokensEstimated, forKey: .tokensEstimated)
        try container.encode(figures, forKey: .figures)
    }
}
