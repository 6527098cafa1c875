import Foundation
import ModegateCore
import ModegateProviders

/// What a gate run will cost before it starts (DESIGN §3 `budget`): trials, model requests,
/// tokens and cost per arm, from a rehearsal of the workload with the scripted model, which
/// plays each case's reference solution with the gate's real tools. A live model usually needs
/// more requests than the reference, so the bound at `max_steps` is given beside it.
public struct RunEstimate: Sendable {
    /// One arm's share of the estimate.
    public struct Arm: Sendable {
        /// The arm's role (baseline or candidate).
        public var name: String
        /// Trials the arm plans: cases × repetitions.
        public var trials: Int
        /// Trials the rehearsal could not play: their tools are on an MCP server (which it does
        /// not call), or their case has no reference solution. Their figures are extrapolated
        /// from the rehearsed trials' mean.
        public var unrehearsedTrials: Int
        /// At the reference trajectories, scaled by repetitions; 0 when nothing was rehearsed.
        public var requests: Int
        /// Input tokens at the reference trajectories, scaled like `requests`.
        public var promptTokens: Int
        /// Output tokens, scaled the same way.
        public var completionTokens: Int
        /// Every trial at `max_steps`.
        public var maxRequests: Int
        /// The prices of the arm's model (its own or the shared one); nil when it has none.
        public var pricing: ModelPlan.Pricing?
    }

    /// The baseline's estimate, then the candidate's.
    public var arms: [Arm]
    /// The prices of the played arms' models, one currency, for the cost lines; nil when any arm
    /// has none or their currencies differ (costs are not added across currencies).
    public var pricing: ModelPlan.Pricing? {
        let prices = arms.map(\.pricing)
        guard let first = prices.first ?? nil, prices.allSatisfy({ $0?.currency == first.currency }) else { return nil }
        return first
    }
    /// The gate's budget, checked against the estimate.
    public var budget: BudgetPlan
    /// Trials at the same time, for the time estimate.
    public var concurrency: Int
    /// Seconds assumed per model request for the time estimate: it depends on the model.
    public static let assumedSecondsPerRequest = 2.0

    /// Model requests of both arms at the reference trajectories.
    public var requests: Int { arms.reduce(0) { $0 + $1.requests } }
    /// Model requests of both arms with every trial at `max_steps`.
    public var maxRequests: Int { arms.reduce(0) { $0 + $1.maxRequests } }

    /// Cost at the reference trajectories, and with every trial at `max_steps` (tokens grow
    /// with requests, so this scales each arm's tokens by its request bound).
    public var cost: (expected: Double, bound: Double)? {
        guard pricing != nil else { return nil }
        var expected = 0.0
        var bound = 0.0
        for arm in arms {
            guard let pricing = arm.pricing else { return nil }
            let cost = pricing.cost(prompt: arm.promptTokens, completion: arm.completionTokens)
            expected += cost
            bound += arm.requests > 0 ? cost * Double(arm.maxRequests) / Double(arm.requests) : 0
        }
        return (expected, bound)
    }

    /// The estimate as lines of text for the terminal.
    public var lines: [String] {
        var lines: [String] = []
        for arm in arms {
            guard arm.unrehearsedTrials < arm.trials else {
                lines.append("\(arm.name): \(arm.trials) trials, at most \(arm.maxRequests) model requests; "
                    + "no case could be rehearsed (tools on MCP servers, or no reference solution), so no token figures")
                continue
            }
            var line = "\(arm.name): \(arm.trials) trials, ~\(arm.requests) model requests (at most \(arm.maxRequests)), "
                + "~\(Self.count(arm.promptTokens)) input and ~\(Self.count(arm.completionTokens)) output tokens"
            if arm.unrehearsedTrials > 0 {
                line += " (extrapolated for \(arm.unrehearsedTrials) trials whose tools are on MCP servers or whose case has no reference solution)"
            }
            lines.append(line)
        }
        if let cost, let pricing {
            lines.append(String(format: "cost: ~%.2f %@ at the models' pricing (at most ~%.2f if every trial runs to max_steps)",
                                cost.expected, pricing.currency, cost.bound))
        } else {
            lines.append(arms.contains { $0.pricing == nil }
                ? "cost: unknown (the gate sets no model.pricing)"
                : "cost: not added up (the arms' models are priced in different currencies)")
        }
        let minutes = Double(requests) * Self.assumedSecondsPerRequest / Double(max(concurrency, 1)) / 60
        lines.append(String(format: "time: ~%.0f min at %.0f s a request, %d at a time", max(minutes, 1), Self.assumedSecondsPerRequest, concurrency))
        lines += budgetLines
        return lines
    }

    private var budgetLines: [String] {
        var lines: [String] = []
        if let maximum = budget.maxModelRequests {
            let verdict = requests > maximum ? "the expected requests exceed it: the run will stop early"
                : maxRequests > maximum ? "enough for the expected requests, not for the bound" : "enough"
            lines.append("budget max_model_requests \(maximum): \(verdict)")
        }
        if let maximum = budget.maxSeconds {
            let seconds = Double(requests) * Self.assumedSecondsPerRequest / Double(max(concurrency, 1))
            lines.append(String(format: "budget max_seconds %.0f: %@", maximum,
                                seconds > maximum ? "too short at \(Int(Self.assumedSecondsPerRequest)) s a request: the run may stop early" : "enough at \(Int(Self.assumedSecondsPerRequest)) s a request"))
        }
        if let maximum = budget.maxCost, let cost {
            let verdict = cost.expected > maximum ? "the expected cost exceeds it: the run will stop early"
                : cost.bound > maximum ? "enough for the expected cost, not for the bound" : "enough"
            lines.append(String(format: "budget max_cost %.2f: %@", maximum, verdict))
        }
        return lines
    }

    static func count(_ tokens: Int) -> String {
        switch tokens {
        case ..<10_000: "\(tokens)"
        case ..<10_000_000: String(format: "%.0fk", Double(tokens) / 1000)
        default: String(format: "%.1fM", Double(tokens) / 1_000_000)
        }
    }
}
