import Foundation
import ModegateCore
import ModegateProviders

/// The gate's budget across both arms (`budget:`): model requests, seconds, cost, counted from
/// real usage as the run goes. Once tripped it stays tripped: no new trials start, the runs are
/// marked cancelled, and the verdict is `error`, never `pass`.
public actor BudgetGuard {
    private let plan: BudgetPlan
    private let uptime: @Sendable () -> Double
    private let started: Double
    private var requests = 0
    private var cost = 0.0
    /// The limit that was reached, once one was; it stays set.
    public private(set) var tripped: StopReason?

    /// A guard of `plan`, its seconds read from `uptime` (a monotonic clock; tests move their
    /// own) from now on.
    public init(plan: BudgetPlan, uptime: @escaping @Sendable () -> Double = BudgetGuard.systemUptime) {
        self.plan = plan
        self.uptime = uptime
        started = uptime()
    }

    /// Seconds since boot, from the monotonic clock.
    public static let systemUptime: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Whether another model request may go out; the reason when not.
    func admitRequest() -> StopReason? {
        if let tripped { return tripped }
        if let maximum = plan.maxModelRequests, requests >= maximum {
            return trip(.budget(.modelRequests(maximum)))
        }
        if let reason = checkTimeAndCost() { return reason }
        requests += 1
        return nil
    }

    /// Whether a new trial may start.
    func admitTrial() -> StopReason? {
        if let tripped { return tripped }
        if let maximum = plan.maxModelRequests, requests >= maximum {
            return trip(.budget(.modelRequests(maximum)))
        }
        return checkTimeAndCost()
    }

    /// Adds what `tokens` cost at `pricing`, the prices of the arm's model (each arm may have
    /// its own); without prices the cost is unknown and never trips the budget.
    func charge(tokens: TokenUsage, at pricing: ModelPlan.Pricing?) {
        guard let pricing else { return }
        cost += pricing.cost(prompt: tokens.prompt, completion: tokens.completion, cached: tokens.cached)
    }

    /// What the run has used so far: requests admitted, cost, seconds since the start.
    public var spent: (requests: Int, cost: Double, seconds: Double) {
        (requests, cost, uptime() - started)
    }

    private func checkTimeAndCost() -> StopReason? {
        if let maximum = plan.maxSeconds, uptime() - started >= maximum {
            return trip(.budget(.seconds(maximum)))
        }
        if let maximum = plan.maxCost, cost >= maximum {
            return trip(.budget(.cost(maximum)))
        }
        return nil
    }

    private func trip(_ reason: StopReason) -> StopReason {
        tripped = tripped ?? reason
        return tripped ?? reason
    }
}
