import Foundation
import ModegateCore
import ModegateMCP

extension GateRunner {
    /// The models the run would talk to, set up as for a run but without a request: names the
    /// provider, model, endpoint and key variable (each arm's when they differ), or throws what
    /// a run would (an unset key, a bad URL, an unreadable cassette).
    public func describeModel() throws -> String {
        let cassette: [URL]?
        if case .replay(let files) = try RunPlan.model(invocation, environment) { cassette = files } else { cassette = nil }
        func describe(_ model: ModelPlan) throws -> String {
            let selection = try environment.models.model(
                model, cassette: cassette, candidateLimits: plan.candidate.limits, sandbox: sandbox, variables: environment.variables)
            let provider = selection.provider.rawValue
            let name = selection.model.modelName == provider ? "" : " \(selection.model.modelName)"
            return "\(provider)\(name)\(selection.model.endpointDescription.map { " at \($0)" } ?? "")"
                + (model.apiKeyEnv.map { selection.source == .replay ? "" : ", key from \($0) (set)" } ?? "")
        }
        let baseline = plan.model(for: .baseline), candidate = plan.model(for: .candidate)
        guard baseline != candidate else { return try describe(candidate) }
        return "baseline \(try describe(baseline)); candidate \(try describe(candidate))"
    }

    /// Rehearses the workload with the scripted model, one repetition per case, into memory
    /// (nothing is stored), and scales it to the gate's repetitions. Presets over MCP servers
    /// are counted, not played: calling their tools could change the world.
    public func estimate() async throws -> RunEstimate {
        let options = invocation.settings
        let presets = try options.presets ?? PresetResolution(planner: planner).presets(for: plan)
        // Handles to the servers are only names until opened, so planning starts nothing.
        let cases = try await environment.planner(
            over: environment.servers.pool(plan.mcp, variables: environment.variables), for: presets, mcp: plan.mcp,
            transport: plan.tools.transport)
            .cases(of: presets, limit: plan.workload.limit, shard: options.shard)
        let overServers = Set(presets.filter { if case .mcp = $0.suite { true } else { false } }.map(\.name))
        let unrehearsed = cases.filter { overServers.contains($0.preset) || $0.testCase.reference == nil }.count
        let rehearsal = RunPlan.rehearsal(of: invocation, presets: presets)
        var records: [ArmRole: [TrialRecord]] = [:]
        if !rehearsal.presets.isEmpty {
            let prepared = try await PreparedRun.prepare(rehearsal, environment: environment)
            let recorders = rehearsal.arms.map {
                RehearsalRecorder(arm: $0, planned: rehearsal.plannedTrials(cases: prepared.cases.count))
            }
            _ = try await prepared.servers.closing {
                try await schedule(prepared, recorders: recorders, progress: SilentProgress())
            }
            // An interrupted rehearsal says nothing reliable, and the user wants out.
            try Task.checkCancellation()
            for recorder in recorders { records[recorder.arm.role] = recorder.trials }
        }
        let repetitions = plan.workload.repetitions
        // A reused arm is read from the store, not played: it costs nothing.
        let playedArms = ArmPair(baseline: plan.baseline, candidate: plan.candidate).roles.filter { options.reuse[$0.0] == nil }
        let arms = playedArms.map { role, arm in
            let played = records[role] ?? []
            // Each rehearsed trial stands for `repetitions` trials, and the unrehearsed ones
            // for their share of the mean.
            let scale = played.isEmpty ? 0 : Double(repetitions) * Double(cases.count) / Double(played.count)
            func total(_ value: (TrialRecord) -> Int) -> Int { Int((Double(played.reduce(0) { $0 + value($1) }) * scale).rounded()) }
            return RunEstimate.Arm(
                name: role.rawValue, trials: cases.count * repetitions, unrehearsedTrials: unrehearsed * repetitions,
                requests: total(\.modelRequests), promptTokens: total(\.promptTokens), completionTokens: total(\.completionTokens),
                maxRequests: cases.count * repetitions * arm.maxSteps, pricing: plan.model(for: role).pricing)
        }
        return RunEstimate(arms: arms, budget: plan.budget,
                           concurrency: invocation.concurrency)
    }
}
