import Foundation

extension RunSummary {
    /// Summarizes trials in one pass. Averages are over attempted trials (RLM Code's meaning);
    /// `total_cases` is the planned count, so an interrupted run shows what it did not reach —
    /// except for a run that sequential judging stopped once decided (`stoppedEarly`), which is
    /// complete as it is (the manifest keeps what was planned).
    public static func summarizing(
        _ trials: [TrialRecord], manifest: RunManifest, mode: String = "harness", mcpEnabled: Bool = false,
        mcpServer: String? = nil, cancelled: Bool = false, cancelReason: String? = nil, toolAPI: ToolAPIFigures? = nil,
        toolWarnings: [String] = [], stoppedEarly: String? = nil, provenance: RunProvenance? = nil
    ) -> RunSummary {
        let ordered = trials.sorted { $0.pairKey < $1.pairKey }
        var totals = TrialTotals()
        var rewardSum = 0.0
        var stepsSum = 0
        var completed = 0
        var estimated = false
        var perPreset: [String: (count: Int, completed: Int, reward: Double, steps: Int)] = [:]
        var restarts = MCPRestarts()
        var adoption = CodeModeAdoption()
        var servers: [String: ServerAdoptionTotals] = [:]
        for trial in ordered {
            for (server, figures) in trial.serverAdoption ?? [:] { servers[server, default: ServerAdoptionTotals()].add(figures) }
            adoption.add(trial)
            restarts.add(trial.restarts)
            totals.add(trial)
            rewardSum += trial.reward
            stepsSum += trial.steps
            if trial.completed { completed += 1 }
            estimated = estimated || trial.tokensEstimated
            var entry = perPreset[trial.preset] ?? (0, 0, 0, 0)
            entry.count += 1
            entry.completed += trial.completed ? 1 : 0
            entry.reward += trial.reward
            entry.steps += trial.steps
            perPreset[trial.preset] = entry
        }
        let attempted = ordered.count
        let divisor = Double(max(attempted, 1))
        let presets = perPreset.mapValues { entry in
            PresetBreakdown(
                totalCases: entry.count, completedCases: entry.completed,
                avgReward: entry.reward / Double(entry.count), avgSteps: Double(entry.steps) / Double(entry.count))
        }
        let suppression: Double? =
            totals.toolResponseBytes > 0
            ? 1 - Double(totals.modelVisibleToolBytes) / Double(totals.toolResponseBytes) : nil
        var summary = RunSummary(
            schemaVersion: currentSchemaVersion, benchmarkID: manifest.runID,
            preset: manifest.presets.joined(separator: ","), mode: mode, mcpEnabled: mcpEnabled, mcpServer: mcpServer,
            harnessStrategy: manifest.strategy, model: manifest.model, startedAt: manifest.startedAt,
            finishedAt: manifest.finishedAt, totalCases: stoppedEarly == nil ? max(manifest.plannedTrials, attempted) : attempted,
            attemptedCases: attempted, completedCases: completed, repetitions: manifest.repetitions,
            avgReward: rewardSum / divisor, avgSteps: Double(stepsSum) / divisor,
            latencySeconds: LatencySummary(ordered.map(\.latency.total)),
            usageTotals: UsageTotals(
                totalCalls: totals.modelRequests, promptTokens: totals.promptTokens,
                completionTokens: totals.completionTokens),
            cancelled: cancelled, cancelReason: cancelReason,
            caseResults: ordered.map {
                CaseResult(
                    caseID: $0.caseID, preset: $0.preset, repetition: $0.repetition, completed: $0.completed,
                    totalReward: $0.reward, steps: $0.steps)
            },
            totals: totals, payloadSuppression: suppression, cost: totals.cost, tokensEstimated: estimated,
            presets: presets, mcpRestarts: restarts.isEmpty ? nil : restarts.counts,
            mcpRestartReasons: restarts.isEmpty ? nil : restarts.reasons, toolAPI: toolAPI, adoption: adoption,
            toolWarnings: toolWarnings.isEmpty ? nil : toolWarnings, stoppedEarly: stoppedEarly,
            provenance: provenance)
        summary.serverAdoption = servers.isEmpty ? nil : servers
        return summary
    }
}

extension LatencySummary {
    /// Mean, type-7 percentiles and maximum of trial latencies.
    public init(_ values: [Double]) {
        guard !values.isEmpty else {
            self.init()
            return
        }
        let sorted = values.sorted()
        self.init(
            avg: sorted.reduce(0, +) / Double(sorted.count),
            p50: ConfidenceInterval.quantile(sorted: sorted, 0.50),
            p95: ConfidenceInterval.quantile(sorted: sorted, 0.95),
            p99: ConfidenceInterval.quantile(sorted: sorted, 0.99),
            max: sorted[sorted.count - 1])
    }
}
