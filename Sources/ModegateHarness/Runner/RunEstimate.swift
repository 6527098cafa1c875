import Foundation
import ModegateCore

/// What a gate run will cost before it starts (DESIGN §3 `budget`): trials, model requests,
/// tokens and cost per arm, from a rehearsal of the workload with the scripted model, which
/// plays each case's reference solution with the gate's real tools. A live model usually needs
/// more requests than the reference, so the bound at `max_steps` is given beside it.
public struct RunEstimate: Sendable {
    public struct Arm: Sendable {
        public var name: String
        public var trials: Int
        /// Trials the rehearsal could not play: their tools are on an MCP server (which it does
        /// not call), or their case has no reference solution. Their figures are extrapolated
        /// from the rehearsed trials' mean.
        public var unrehearsedTrials: Int
        /// At the reference trajectories, scaled by repetitions; 0 when nothing was rehearsed.
        public var requests: Int
        public var promptTokens: Int
        public var completionTokens: Int
        /// Every trial at `max_steps`.
        public var maxRequests: Int
    }

    public var arms: [Arm]
    public var pricing: ModelPlan.Pricing?
    public var budget: BudgetPlan
    public var concurrency: Int
    /// Seconds assumed per model request for the time estimate: it depends on the model.
    public static let assumedSecondsPerRequest = 2.0

    public var requests: Int { arms.reduce(0) { $0 + $1.requests } }
    public var maxRequests: Int { arms.reduce(0) { $0 + $1.maxRequests } }

    /// Cost at the reference trajectories, and with every trial at `max_steps` (tokens grow
    /// with requests, so this scales each arm's tokens by its request bound).
    public var cost: (expected: Double, bound: Double)? {
        guard let pricing else { return nil }
        var expected = 0.0
        var bound = 0.0
        for arm in arms {
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
            lines.append(String(format: "cost: ~%.2f %@ at the gate's pricing (at most ~%.2f if every trial runs to max_steps)",
                                cost.expected, pricing.currency, cost.bound))
        } else {
            lines.append("cost: unknown (the gate sets no model.pricing)")
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

extension GateRunner {
    /// The model the run would talk to, set up as for a run but without a request: names the
    /// provider, model, endpoint and key variable, or throws what a run would (an unset key,
    /// a bad URL, an unreadable cassette).
    public func describeModel(_ options: Options) throws -> String {
        let runner = options.replay != nil ? replaying : self
        let plan = runner.plan
        let provider = try runner.makeProvider(options)
        let name = provider.modelName == plan.model.provider.rawValue ? "" : " \(provider.modelName)"
        return "\(plan.model.provider.rawValue)\(name)\(provider.endpointDescription.map { " at \($0)" } ?? "")"
            + (plan.model.apiKeyEnv.map { plan.model.provider == .replay ? "" : ", key from \($0) (set)" } ?? "")
    }

    /// Rehearses the workload with the scripted model, one repetition per case, in a
    /// throw-away store, and scales it to the gate's repetitions. Presets over MCP servers
    /// are counted, not played: calling their tools could change the world.
    public func estimate(_ options: Options) async throws -> RunEstimate {
        let presets = try options.presets ?? PresetResolution(planner: planner).presets(for: plan)
        let offline: [Preset] = presets.compactMap { preset in
            guard case .builtin = preset.suite else { return nil }
            var rehearsed = preset
            rehearsed.cases = preset.cases.filter { $0.reference != nil }
            return rehearsed.cases.isEmpty ? nil : rehearsed
        }
        // Handles to the servers are only names until opened, so planning starts nothing.
        let cases = try await planner(over: MCPServerPool(plan: plan.mcp, environment: environment), for: presets)
            .cases(of: presets, limit: plan.workload.limit, shard: options.shard)
        let overServers = Set(presets.filter { if case .mcp = $0.suite { true } else { false } }.map(\.name))
        let unrehearsed = cases.filter { overServers.contains($0.preset) || $0.testCase.reference == nil }.count
        var rehearsal = self
        rehearsal.plan.model = ModelPlan(provider: .scripted, temperature: 0, maxOutputTokens: plan.model.maxOutputTokens,
                                         timeoutSeconds: plan.model.timeoutSeconds, maxRetries: 0)
        rehearsal.plan.workload.repetitions = 1
        rehearsal.plan.budget = .unlimited
        rehearsal.plan.tools.transport = .inProcess
        rehearsal.plan.candidate.runtime = .builtin
        rehearsal.plan.baseline.runtime = .builtin
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-estimate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        rehearsal.store = RunStore(root: folder)
        var records: [String: [TrialRecord]] = [:]
        if !offline.isEmpty {
            let outcome = try await rehearsal.run(Options(shard: options.shard, concurrency: options.concurrency, presets: offline))
            // An interrupted rehearsal says nothing reliable, and the user wants out.
            try Task.checkCancellation()
            records = ["baseline": try outcome.baseline.trialRecords(), "candidate": try outcome.candidate.trialRecords()]
        }
        let repetitions = plan.workload.repetitions
        let arms = [("baseline", plan.baseline), ("candidate", plan.candidate)].map { name, arm in
            let played = records[name] ?? []
            // Each rehearsed trial stands for `repetitions` trials, and the unrehearsed ones
            // for their share of the mean.
            let scale = played.isEmpty ? 0 : Double(repetitions) * Double(cases.count) / Double(played.count)
            func total(_ value: (TrialRecord) -> Int) -> Int { Int((Double(played.reduce(0) { $0 + value($1) }) * scale).rounded()) }
            return RunEstimate.Arm(
                name: name, trials: cases.count * repetitions, unrehearsedTrials: unrehearsed * repetitions,
                requests: total(\.modelRequests), promptTokens: total(\.promptTokens), completionTokens: total(\.completionTokens),
                maxRequests: cases.count * repetitions * arm.maxSteps)
        }
        return RunEstimate(arms: arms, pricing: plan.model.pricing, budget: plan.budget,
                           concurrency: options.concurrency ?? plan.workload.concurrency)
    }
}
