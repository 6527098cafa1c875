/// Turns two stored runs into a verdict (DESIGN §8). Pure: the same inputs and seed give the same
/// verdict, byte for byte.
public struct Judge: Sendable {
    /// Every threshold comparison allows this much floating-point slack, so 0.7 − 0.8 meets
    /// `min_reward_delta: -0.1` (RLM Code compares without it and fails that case).
    public static let tolerance = 1e-9

    /// Which gates to evaluate.
    public enum GateSet: Sendable {
        /// Every gate of `thresholds`.
        case full
        /// RLM Code's four gates only (reward, completion, steps, completion regressions), for
        /// the RLM-style `bench compare|validate` spelling.
        case rlm
    }

    /// The promotion criteria.
    public var thresholds: Thresholds
    /// The mode, and the confidence, resamples and seed of statistical mode.
    public var settings: JudgementSettings
    /// Which gates to evaluate.
    public var gateSet: GateSet

    /// A judge of these criteria; every gate unless told `.rlm`.
    public init(thresholds: Thresholds, settings: JudgementSettings, gateSet: GateSet = .full) {
        self.thresholds = thresholds
        self.settings = settings
        self.gateSet = gateSet
    }

    /// The verdict on `candidate` against `baseline`: pairs their trials, then evaluates each gate,
    /// or returns an `error` verdict when a run did not finish, was cancelled, or shares no cases.
    /// `reuse` is how a stored baseline was checked before it was reused (`--baseline`): the
    /// verdict carries it, and warns when it was reused although stale.
    public func judge(candidate: StoredRun, baseline: StoredRun, reuse: BaselineReuse? = nil) -> Verdict {
        let pairing = Pairing(candidate: candidate.trials, baseline: baseline.trials)
        let differences = ArmDifferences.describe(baseline: baseline, candidate: candidate)
        var verdict = Verdict(
            status: .pass, errorKind: nil, errorMessage: nil, judgement: settings, thresholds: thresholds,
            candidate: ArmReport(candidate), baseline: ArmReport(baseline), coverage: pairing.coverage, gates: [],
            completionRegressions: pairing.completionRegressions, completionGains: pairing.completionGains,
            rewardRegressions: pairing.rewardRegressions, warnings: warnings(candidate, baseline, pairing, differences: differences))
        verdict.costs = CostComparison(candidate: candidate, baseline: baseline, pairing: pairing, settings: settings)
        verdict.warnings += CostComparison.currencyWarnings(candidate, baseline)
        verdict.baselineReuse = reuse
        verdict.armDifferences = differences
        if let reuse, reuse.isStale {
            verdict.warnings.append("the baseline is the stored run \(reuse.run), reused with --allow-stale-baseline although "
                + "its provenance differs: " + reuse.differences.joined(separator: "; "))
        }
        if let (kind, message) = unjudgeable(candidate, baseline, pairing) {
            verdict.status = .error
            verdict.errorKind = kind
            verdict.errorMessage = message
            return verdict
        }
        switch settings.mode {
        case .point: verdict.gates = pointGates(candidate: candidate, baseline: baseline, pairing: pairing)
        case .statistical where settings.sequential != nil:
            let evaluation = sequentialEvaluation(pairs: pairing.pairs, atEnd: true)
            let operational = gateSet == .full ? operationalGates(candidate: candidate, baseline: baseline) : []
            let order = GateResult.Name.allCases
            verdict.gates = (evaluation.gates + operational).sorted {
                (order.firstIndex(of: $0.name) ?? 0) < (order.firstIndex(of: $1.name) ?? 0)
            }
            verdict.sequential = sequentialSummary(candidate: candidate, baseline: baseline, pairing: pairing, evaluation: evaluation)
        case .statistical: verdict.gates = statisticalGates(candidate: candidate, baseline: baseline, pairing: pairing)
        }
        if gateSet == .full { verdict.gates += adoptionGates(candidate: candidate) }
        verdict.byPreset = presetVerdicts(candidate: candidate, baseline: baseline, pairing: pairing)
        // The overall gates decide; with `per_preset` each preset's (corrected) gates count too.
        let counted = verdict.byPreset.values.filter(\.counts).flatMap { $0.gates.map(\.status) }
        verdict.status = Self.combine(verdict.gates.map(\.status) + counted)
        return verdict
    }

    /// Fail if any gate fails, else inconclusive if any is, else pass.
    static func combine(_ statuses: [GateResult.Status]) -> Verdict.Status {
        if statuses.contains(.fail) { return .fail }
        if statuses.contains(.inconclusive) { return .inconclusive }
        return .pass
    }

    private func unjudgeable(_ candidate: StoredRun, _ baseline: StoredRun, _ pairing: Pairing) -> (Verdict.ErrorKind, String)? {
        for (arm, run) in [("candidate", candidate), ("baseline", baseline)] {
            if !run.isFinished {
                return (.runError, "the \(arm) run \(run.id) did not finish (no summary.json); finish it with `modegate run GATE --resume \(run.id)`")
            }
            if run.cancelled {
                let reason = run.cancelReason.map { ": \($0)" } ?? ""
                return (.runError, "the \(arm) run \(run.id) was cancelled before the workload finished\(reason)")
            }
        }
        if pairing.coverage.pairedTrials == 0 && (gateSet == .full || settings.mode == .statistical) {
            return (.invalidInput, "the runs share no cases (candidate \(candidate.id): \(pairing.coverage.candidateTrials) trials, baseline \(baseline.id): \(pairing.coverage.baselineTrials) trials); judge runs of the same presets")
        }
        return nil
    }

    private func warnings(_ candidate: StoredRun, _ baseline: StoredRun, _ pairing: Pairing, differences: [String]) -> [String] {
        var warnings = candidate.warnings + baseline.warnings
        if candidate.path == baseline.path {
            warnings.append("candidate and baseline are the same run (\(candidate.id))")
        } else if let strategy = candidate.strategy, strategy == baseline.strategy,
                  differences.isEmpty
        {
            // An A/B of something else (a server, a model, instructions) keeps the strategy on purpose.
            warnings.append("candidate and baseline are both \(strategy.rawValue) runs")
        }
        let coverage = pairing.coverage
        if !coverage.candidateOnly.isEmpty || !coverage.baselineOnly.isEmpty {
            warnings.append(
                "the runs cover different cases: \(coverage.candidateOnly.count) trials only in the candidate, \(coverage.baselineOnly.count) only in the baseline; they are left out of paired gates")
        }
        if !coverage.infrastructurePairs.isEmpty {
            let count = coverage.infrastructurePairs.count
            warnings.append(
                "\(count) paired trial\(count == 1 ? " was" : "s were") left out of the paired gates: an infrastructure error in either arm (provider, MCP, sandbox, timeout) says nothing about the strategies; such trials count toward max_error_rate")
        }
        if !coverage.duplicateTrials.isEmpty {
            warnings.append("\(coverage.duplicateTrials.count) trials were recorded more than once; the last record of each was used")
        }
        return warnings + Self.restartWarnings(candidate: candidate, baseline: baseline) + Self.adoptionWarnings(candidate)
    }

    /// A code-mode candidate whose model seldom ran code: the comparison is then of prompts.
    static func adoptionWarnings(_ candidate: StoredRun) -> [String] {
        guard candidate.strategy == .codemode, let adoption = candidate.adoption, adoption.trials > 0,
            adoption.codeShare < CodeModeAdoption.warningShare
        else { return [] }
        return [String(
            format: "only %.0f%% of candidate trials ran code (%d of %d never called run_code): the comparison measures prompting, not Code Mode",
            adoption.codeShare * 100, adoption.trialsWithoutCode, adoption.trials)]
    }

    /// One warning per MCP server that went away and was started again (or reconnected, for a
    /// URL), with why: the trials it was serving then failed as `mcp` errors, which the figures
    /// count. Crashes alone read as they always did; a hang or a protocol failure is named.
    static func restartWarnings(candidate: StoredRun, baseline: StoredRun) -> [String] {
        var both = baseline.restarts
        both.add(candidate.restarts)
        return both.byServer.keys.sorted().map { server in
            let (inBaseline, inCandidate) = (baseline.mcpRestarts[server] ?? 0, candidate.mcpRestarts[server] ?? 0)
            let total = inBaseline + inCandidate
            let reasons = MCPRestarts.Reason.allCases.filter { both.count(server, $0) > 0 }
            let times = "restarted \(total) time\(total == 1 ? "" : "s") (baseline \(inBaseline), candidate \(inCandidate))"
            let tail = "; the trials it was serving then count as mcp errors"
            guard reasons != [.crash] else {
                return "MCP server '\(server)' crashed (or dropped its connection) and was \(times)\(tail)"
            }
            let why = reasons.map { "\($0.rawValue) \(both.count(server, $0))" }.joined(separator: ", ")
            return "MCP server '\(server)' was \(times), by reason: \(why)\(tail)"
        }
    }
}

extension ArmReport {
    init(_ run: StoredRun) {
        self.init(
            id: run.id, source: run.source, path: run.path, strategy: run.strategy, presets: run.presets,
            metrics: ArmMetrics(run), adoption: run.adoption, serverAdoption: run.serverAdoption)
    }
}

extension ArmMetrics {
    init(_ run: StoredRun) {
        let trials = run.trials
        let count = Double(max(trials.count, 1))
        var tokens = 0
        var cost = 0.0
        var guardrail = 0
        var errors = 0
        for trial in trials {
            tokens += trial.tokens
            cost += trial.cost
            guardrail += trial.guardrailBlocked
            errors += trial.infrastructureError ? 1 : 0
        }
        self.init(
            totalCases: run.summary.totalCases, completedCases: run.summary.completedCases,
            attemptedCases: run.summary.attemptedCases, avgReward: run.summary.avgReward,
            completionRate: run.summary.completionRate, avgSteps: run.summary.avgSteps, trials: trials.count,
            meanTokens: Double(tokens) / count, meanCost: cost / count,
            p95Latency: LatencySummary(trials.map(\.latency)).p95, guardrailBlocked: guardrail,
            infrastructureErrors: errors, errorRate: Double(errors) / count)
    }
}
