import Foundation
@testable import ModegateCore
import ModegateReports

/// A named verdict for parameterized golden tests.
struct Fixture: Sendable, CustomStringConvertible {
    var name: String
    var verdict: Verdict
    var description: String { name }
}

/// Verdicts built by hand (ModegateCore's memberwise initialisers are internal, hence
/// `@testable`), one per situation a report must handle, with a fixed clock and version.
enum VerdictFixtures {
    static let context = ReportContext(
        toolVersion: "0.1.0-test", generatedAt: Date(timeIntervalSince1970: 1_767_323_045), owner: nil, colour: false)

    static let all = [passingStatistical, failingPoint, inconclusive, error, sequential, perPresetHolm, perPresetDescriptive]

    static func key(_ preset: String, _ caseID: String, _ repetition: Int) -> PairKey {
        PairKey(preset: preset, caseID: caseID, repetition: repetition)
    }

    static func metrics(
        cases: Int, completed: Int, reward: Double, steps: Double, trials: Int, tokens: Double = 0, cost: Double = 0,
        p95: Double = 0, blocked: Int = 0, errors: Int = 0
    ) -> ArmMetrics {
        ArmMetrics(
            totalCases: cases, completedCases: completed, attemptedCases: cases, avgReward: reward,
            completionRate: Double(completed) / Double(cases), avgSteps: steps, trials: trials, meanTokens: tokens,
            meanCost: cost, p95Latency: p95, guardrailBlocked: blocked, infrastructureErrors: errors,
            errorRate: Double(errors) / Double(trials))
    }

    static func arm(
        _ id: String, _ strategy: Strategy, source: StoredRun.Source = .native, path: String? = nil, metrics: ArmMetrics,
        adoption: CodeModeAdoption? = nil, serverAdoption: [String: ServerAdoptionTotals]? = nil
    ) -> ArmReport {
        ArmReport(
            id: id, source: source, path: path ?? "/work/.modegate/runs/\(id)", strategy: strategy,
            presets: ["dynamic_web_filtering", "invoice_reconciliation"], metrics: metrics, adoption: adoption,
            serverAdoption: serverAdoption)
    }

    /// A candidate offered an added `git` server, which it called in 90 of its 120 trials.
    static let candidateServers: [String: ServerAdoptionTotals] = {
        let figures = """
            {"git": {"trials": 120, "trials_using": 90, "calls": 216, "other_calls": 324, "calls_before_first_sum": 135,
                     "longest_streak_without": 9, "bursts": 40, "result_bytes": 182400, "error_calls": 3, "inference_rounds": 408}}
            """
        return try! StableJSON.decoder().decode([String: ServerAdoptionTotals].self, from: Data(figures.utf8))
    }()

    /// A gate on the candidate's share of calls through `git` (216 of 540).
    static let gitShareGate: GateResult = {
        var gate = GateResult(name: .serverShare, status: .pass, observed: 0.4, threshold: 0.3, comparison: .atLeast,
                              detail: "216 of 540 candidate tool calls went to git: 40.0% meets the minimum 30.0%")
        gate.server = "git"
        return gate
    }()

    /// The passing verdict's thresholds: RLM's with a token gate and a minimum share through `git`.
    static let passingThresholds: Thresholds = {
        var thresholds = Thresholds(
            minRewardDelta: 0, minCompletionDelta: 0, maxStepsIncrease: 0.5, failOnCompletionRegression: true,
            maxGuardrailBlocked: 0, maxErrorRate: 0.05, maxTokenIncreaseRatio: 0.1)
        thresholds.serverAdoption = ["git": ServerAdoptionThresholds(minShare: 0.3)]
        return thresholds
    }()

    /// A candidate that ran code in 117 of 120 trials, and a baseline that called two unknown tools.
    static let candidateAdoption: CodeModeAdoption = {
        var adoption = CodeModeAdoption()
        adoption.trials = 120
        adoption.trialsWithoutCode = 3
        adoption.runCodeCalls = 141
        adoption.discoveryCalls = 12
        adoption.firstProgramFailures = ["syntax_error": 4, "exception": 2]
        return adoption
    }()

    static let baselineAdoption: CodeModeAdoption = {
        var adoption = CodeModeAdoption()
        adoption.trials = 120
        adoption.unknownToolCalls = 2
        adoption.invalidArgumentCalls = 1
        return adoption
    }()

    static func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower, upper: upper, confidence: 0.95)
    }

    /// A cost row with its delta and ratio computed as the judge does; `interval` in statistical fixtures.
    static func figure(
        _ name: CostFigure.Name, _ baseline: Double?, _ candidate: Double?, interval: (Double, Double)? = nil,
        confidence: Double = 0.95, notRecorded: [ArmRole] = []
    ) -> CostFigure {
        let delta = baseline.flatMap { base in candidate.map { $0 - base } }
        let ratio = name.hasRatio ? baseline.flatMap { base in base > 0 ? candidate.map { $0 / base } : nil } : nil
        return CostFigure(
            name: name, baseline: baseline, candidate: candidate, delta: delta, ratio: ratio,
            interval: interval.map { ConfidenceInterval(lower: $0.0, upper: $0.1, confidence: confidence) },
            notRecorded: notRecorded)
    }

    /// A live provider's costs: the candidate reads a tenth of the tool bytes and spends less.
    static let statisticalCosts = CostComparison(pairedTrials: 120, currency: "USD", tokensEstimated: false, figures: [
        figure(.promptTokens, 2710.5, 1650.25, interval: (-1180.5, -940)),
        figure(.completionTokens, 269.75, 184.25, interval: (-101.5, -69.25)),
        figure(.cachedTokens, 1024, 512, interval: (-640, -384)),
        figure(.cost, 0.0071, 0.0042, interval: (-0.0034, -0.0024)),
        figure(.modelRequests, 3.1, 3.4, interval: (0.11, 0.47)),
        figure(.latencyP50, 3.25, 2.875, interval: (-0.6, -0.125)),
        figure(.latencyP95, 7.5, 6.25, interval: (-2.1, -0.4)),
        figure(.modelVisibleToolBytes, 18_342.5, 1_820.75, interval: (-17_900, -15_200)),
        figure(.payloadSuppression, 0, 0.9007, interval: (0.88, 0.92)),
    ])

    /// RLM Code summaries: usage, steps and durations only.
    static let rlmCosts = CostComparison(pairedTrials: 30, currency: nil, tokensEstimated: false, figures: [
        figure(.promptTokens, 1520, 1210.5),
        figure(.completionTokens, 240, 198.25),
        figure(.cachedTokens, nil, nil, notRecorded: [.baseline, .candidate]),
        figure(.cost, nil, nil, notRecorded: [.baseline, .candidate]),
        figure(.modelRequests, 3.4, 2.9),
        figure(.latencyP50, 4.5, 5.125),
        figure(.latencyP95, 9.75, 12.5),
        figure(.modelVisibleToolBytes, nil, nil, notRecorded: [.baseline, .candidate]),
        figure(.payloadSuppression, nil, nil, notRecorded: [.baseline, .candidate]),
    ])

    /// The scripted model: estimated tokens, no pricing, and a baseline without cached tokens.
    static let estimatedCosts = CostComparison(pairedTrials: 72, currency: nil, tokensEstimated: true, figures: [
        figure(.promptTokens, 1900, 1100, interval: (-880, -720), confidence: 0.9),
        figure(.completionTokens, 200, 100, interval: (-110, -90), confidence: 0.9),
        figure(.cachedTokens, 0, 0, interval: (0, 0), confidence: 0.9),
        figure(.cost, nil, nil, notRecorded: [.baseline, .candidate]),
        figure(.modelRequests, 3.3, 3.2, interval: (-0.3, 0.1), confidence: 0.9),
        figure(.latencyP50, 0.05, 0.0625, interval: (0.001, 0.02), confidence: 0.9),
        figure(.latencyP95, 5, 4, interval: (-1.5, 0.25), confidence: 0.9),
        figure(.modelVisibleToolBytes, 0, 0, interval: (0, 0), confidence: 0.9),
        figure(.payloadSuppression, nil, nil),
    ])

    static let passingStatistical = Fixture(name: "passing-statistical", verdict: Verdict(
        status: .pass, errorKind: nil, errorMessage: nil,
        judgement: JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 5000, seed: 42),
        thresholds: passingThresholds,
        candidate: arm("run-20260101-cand", .codemode, metrics: metrics(
            cases: 40, completed: 38, reward: 0.8125, steps: 3.4, trials: 120, tokens: 1834.5, cost: 0.0042, p95: 6.25),
            adoption: candidateAdoption, serverAdoption: candidateServers),
        baseline: arm("run-20251231-base", .toolCall, metrics: metrics(
            cases: 40, completed: 36, reward: 0.7625, steps: 3.1, trials: 120, tokens: 2980.25, cost: 0.0071, p95: 7.5),
            adoption: baselineAdoption),
        coverage: Coverage(
            pairedCases: 40, pairedTrials: 120, candidateTrials: 120, baselineTrials: 120, candidateOnly: [],
            baselineOnly: [], duplicateTrials: []),
        gates: [
            GateResult(name: .reward, status: .pass, observed: 0.05, threshold: 0, comparison: .atLeast,
                       interval: interval(0.012, 0.088),
                       detail: "estimate +0.050, 95% interval [+0.012, +0.088] lies entirely on the passing side of +0.000"),
            GateResult(name: .completion, status: .pass, observed: 0.05, threshold: 0, comparison: .atLeast,
                       interval: interval(0.008, 0.092),
                       detail: "estimate +0.050, 95% interval [+0.008, +0.092] lies entirely on the passing side of +0.000"),
            GateResult(name: .steps, status: .pass, observed: 0.3, threshold: 0.5, comparison: .atMost,
                       interval: interval(0.11, 0.47),
                       detail: "estimate +0.300, 95% interval [+0.110, +0.470] lies entirely on the passing side of +0.500"),
            GateResult(name: .completionRegressions, status: .pass, observed: 1, threshold: 0, comparison: .atMost,
                       pValue: 0.9375,
                       detail: "1 losses vs 4 gains over 120 paired trials: no net completion regression (McNemar p = 0.9375)"),
            GateResult(name: .guardrailBlocked, status: .pass, observed: 0, threshold: 0, comparison: .atMost,
                       detail: "0 candidate programs were blocked by guardrails"),
            GateResult(name: .errorRate, status: .pass, observed: 0, threshold: 0.05, comparison: .atMost,
                       detail: "infrastructure errors: baseline 0/120, candidate 0/120 trials"),
            GateResult(name: .tokenIncreaseRatio, status: .pass, observed: -0.3845, threshold: 0.1, comparison: .atMost,
                       interval: interval(-0.42, -0.35),
                       detail: "estimate -0.385, 95% interval [-0.420, -0.350] lies entirely on the passing side of +0.100"),
            gitShareGate,
        ],
        completionRegressions: [key("dynamic_web_filtering", "dwf-07", 2)],
        completionGains: [key("dynamic_web_filtering", "dwf-02", 0), key("dynamic_web_filtering", "dwf-11", 1),
                          key("invoice_reconciliation", "inv-04", 0), key("invoice_reconciliation", "inv-09", 2)],
        rewardRegressions: [key("dynamic_web_filtering", "dwf-07", 2), key("invoice_reconciliation", "inv-13", 1)],
        warnings: [], costs: statisticalCosts))

    static let failingPoint = Fixture(name: "failing-point", verdict: Verdict(
        status: .fail, errorKind: nil, errorMessage: nil,
        judgement: JudgementSettings(mode: .point, confidence: 0.95, bootstrapResamples: 5000, seed: 42),
        thresholds: .rlmDefaults,
        candidate: arm("bench_cand", .codemode, source: .rlmCode, path: "/w/.rlm_code/rlm/benchmarks/bench_cand.json",
                       metrics: metrics(cases: 30, completed: 18, reward: 0.61, steps: 2.9, trials: 30, blocked: 2, errors: 1)),
        baseline: arm("bench_base", .toolCall, source: .rlmCode, path: "/w/.rlm_code/rlm/benchmarks/bench_base.json",
                      metrics: metrics(cases: 30, completed: 27, reward: 0.7, steps: 3.4, trials: 30)),
        coverage: Coverage(
            pairedCases: 30, pairedTrials: 30, candidateTrials: 32, baselineTrials: 30,
            candidateOnly: [key("invoice_reconciliation", "inv-31", 0), key("invoice_reconciliation", "inv-32", 0)],
            baselineOnly: [], duplicateTrials: []),
        gates: [
            GateResult(name: .reward, status: .fail, observed: 0.61 - 0.7, threshold: 0, comparison: .atLeast,
                       detail: "average reward 0.700 → 0.610: -0.090 misses the minimum +0.000"),
            GateResult(name: .completion, status: .fail, observed: 0.6 - 0.9, threshold: 0, comparison: .atLeast,
                       detail: "completion rate 90.0% → 60.0%: -0.300 misses the minimum +0.000"),
            GateResult(name: .steps, status: .pass, observed: 2.9 - 3.4, threshold: 0.5, comparison: .atMost,
                       detail: "average steps 3.400 → 2.900: -0.500 within the maximum +0.500"),
            GateResult(name: .completionRegressions, status: .fail, observed: 12, threshold: 0, comparison: .atMost,
                       detail: "12 of 30 paired trials completed in the baseline but not in the candidate"),
            GateResult(name: .guardrailBlocked, status: .fail, observed: 2, threshold: 0, comparison: .atMost,
                       detail: "2 candidate programs were blocked by guardrails"),
            GateResult(name: .errorRate, status: .pass, observed: 1.0 / 30, threshold: 0.05, comparison: .atMost,
                       detail: "infrastructure errors: baseline 0/30, candidate 1/30 trials"),
        ],
        completionRegressions: (1...12).map { key("invoice_reconciliation", String(format: "inv-%02d", $0), 0) },
        completionGains: [],
        rewardRegressions: (1...14).map { key("invoice_reconciliation", String(format: "inv-%02d", $0), 0) },
        warnings: [
            "the runs cover different cases: 2 trials only in the candidate, 0 only in the baseline; they are left out of paired gates",
            "run note: the model answered \"<done> & 100% | ok\"\nthen stopped",
        ], costs: rlmCosts))

    static let inconclusive = Fixture(name: "inconclusive", verdict: Verdict(
        status: .inconclusive, errorKind: nil, errorMessage: nil,
        judgement: JudgementSettings(mode: .statistical, confidence: 0.9, bootstrapResamples: 2000, seed: 7),
        thresholds: Thresholds(
            minRewardDelta: 0, minCompletionDelta: -0.02, maxStepsIncrease: 0.5, failOnCompletionRegression: true,
            maxGuardrailBlocked: 0, maxErrorRate: 0.05, maxCostIncreaseRatio: 0.2),
        candidate: arm("run-20260102-cand", .codemode, metrics: metrics(
            cases: 24, completed: 20, reward: 0.705, steps: 3.2, trials: 72, tokens: 1200, cost: 0.002, p95: 4)),
        baseline: arm("run-20260101-base", .toolCall, metrics: metrics(
            cases: 24, completed: 21, reward: 0.695, steps: 3.3, trials: 72, tokens: 2100, cost: 0, p95: 5)),
        coverage: Coverage(
            pairedCases: 24, pairedTrials: 72, candidateTrials: 72, baselineTrials: 72, candidateOnly: [],
            baselineOnly: [], duplicateTrials: []),
        gates: [
            GateResult(name: .reward, status: .inconclusive, observed: 0.01, threshold: 0, comparison: .atLeast,
                       interval: ConfidenceInterval(lower: -0.021, upper: 0.041, confidence: 0.9), casesNeeded: 148,
                       detail: "estimate +0.010, 90% interval [-0.021, +0.041] straddles +0.000; about 148 paired cases would decide it"),
            GateResult(name: .completion, status: .pass, observed: -0.0139, threshold: -0.02, comparison: .atLeast,
                       interval: ConfidenceInterval(lower: -0.0185, upper: -0.0093, confidence: 0.9),
                       detail: "estimate -0.014, 90% interval [-0.019, -0.009] lies entirely on the passing side of -0.020"),
            GateResult(name: .steps, status: .pass, observed: -0.1, threshold: 0.5, comparison: .atMost,
                       interval: ConfidenceInterval(lower: -0.3, upper: 0.1, confidence: 0.9),
                       detail: "estimate -0.100, 90% interval [-0.300, +0.100] lies entirely on the passing side of +0.500"),
            GateResult(name: .completionRegressions, status: .inconclusive, observed: 5, threshold: 0, comparison: .atMost,
                       pValue: 0.1094, casesNeeded: 61,
                       detail: "5 losses vs 1 gains over 72 paired trials: more losses than gains but not significant (McNemar p = 0.1094); about 61 paired cases would decide it"),
            GateResult(name: .guardrailBlocked, status: .pass, observed: 0, threshold: 0, comparison: .atMost,
                       detail: "0 candidate programs were blocked by guardrails"),
            GateResult(name: .errorRate, status: .pass, observed: 0, threshold: 0.05, comparison: .atMost,
                       detail: "infrastructure errors: baseline 0/72, candidate 0/72 trials"),
            GateResult(name: .costIncreaseRatio, status: .inconclusive, observed: .nan, threshold: 0.2, comparison: .atMost,
                       detail: "the baseline measured zero, so no ratio exists"),
        ],
        completionRegressions: [key("dynamic_web_filtering", "dwf-03", 1), key("dynamic_web_filtering", "dwf-05", 0),
                                key("dynamic_web_filtering", "dwf-05", 2), key("invoice_reconciliation", "inv-08", 1),
                                key("invoice_reconciliation", "inv-10", 0)],
        completionGains: [key("invoice_reconciliation", "inv-02", 2)],
        rewardRegressions: [key("dynamic_web_filtering", "dwf-05", 0)],
        warnings: ["baseline run-20260101-base recorded no cost; cost ratios cannot be computed"], costs: estimatedCosts))

    static let error = Fixture(name: "error", verdict: Verdict(
        status: .error, errorKind: .invalidInput,
        errorMessage: "the runs share no cases (candidate run-a: 2 trials, baseline run-b: 2 trials); judge runs of the same presets",
        judgement: .nativeDefaults, thresholds: .rlmDefaults,
        candidate: arm("run-a", .codemode, metrics: metrics(cases: 2, completed: 2, reward: 1, steps: 2, trials: 2)),
        baseline: arm("run-b", .toolCall, metrics: metrics(cases: 2, completed: 1, reward: 0.5, steps: 3, trials: 2)),
        coverage: Coverage(
            pairedCases: 0, pairedTrials: 0, candidateTrials: 2, baselineTrials: 2,
            candidateOnly: [key("alpha", "a-1", 0), key("alpha", "a-2", 0)],
            baselineOnly: [key("beta", "b-1", 0), key("beta", "b-2", 0)], duplicateTrials: []),
        gates: [], completionRegressions: [], completionGains: [], rewardRegressions: [], warnings: []))

    /// A sequential run that stopped once every gate was decided.
    static let sequential = Fixture(name: "sequential", verdict: Verdict(
        status: .fail, errorKind: nil, errorMessage: nil,
        judgement: JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 5000, seed: 7,
                                     sequential: .init(batchCases: 5, minCases: 10)),
        thresholds: Thresholds(
            minRewardDelta: -0.05, minCompletionDelta: -0.05, maxStepsIncrease: 0.5, failOnCompletionRegression: true,
            maxGuardrailBlocked: 0, maxErrorRate: 0.05),
        candidate: arm("run-20260103-cand", .codemode, metrics: metrics(
            cases: 40, completed: 27, reward: 0.61, steps: 2, trials: 40, tokens: 1800)),
        baseline: arm("run-20260103-base", .toolCall, metrics: metrics(
            cases: 40, completed: 39, reward: 0.93, steps: 4.1, trials: 40, tokens: 3900)),
        coverage: Coverage(
            pairedCases: 20, pairedTrials: 40, candidateTrials: 40, baselineTrials: 40, candidateOnly: [],
            baselineOnly: [], duplicateTrials: []),
        gates: [
            GateResult(name: .reward, status: .fail, observed: -0.32, threshold: -0.05, comparison: .atLeast,
                       interval: ConfidenceInterval(lower: -0.61, upper: -0.06, confidence: 0.95),
                       detail: "decided at look 3 of 3: estimate -0.320, 95% confidence sequence [-0.610, -0.060] lies entirely on the failing side of -0.050"),
            GateResult(name: .completion, status: .fail, observed: -0.3, threshold: -0.05, comparison: .atLeast,
                       interval: ConfidenceInterval(lower: -0.58, upper: -0.055, confidence: 0.95),
                       detail: "decided at look 3 of 3: estimate -0.300, 95% confidence sequence [-0.580, -0.055] lies entirely on the failing side of -0.050"),
            GateResult(name: .steps, status: .pass, observed: -2.1, threshold: 0.5, comparison: .atMost,
                       interval: ConfidenceInterval(lower: -3.4, upper: 0.2, confidence: 0.95),
                       detail: "decided at look 2 of 3 (15 cases): estimate -2.100, 95% confidence sequence [-3.400, +0.200] lies entirely on the passing side of +0.500; over all 20 cases played the estimate is -1.650",
                       decidedAt: .init(look: 2, cases: 15, estimateNow: -1.65)),
            GateResult(name: .completionRegressions, status: .fail, observed: 9, threshold: 0, comparison: .atMost,
                       detail: "decided at look 2 of 3 (15 cases): 9 losses vs 0 gains in 30 paired trials; e-values: 102 for a regression, 0.1 for one under the 0.05 tolerance (the bar is 1/(1 − confidence))",
                       decidedAt: .init(look: 2, cases: 15)),
            GateResult(name: .guardrailBlocked, status: .pass, observed: 0, threshold: 0, comparison: .atMost,
                       detail: "0 candidate programs were blocked by guardrails"),
            GateResult(name: .errorRate, status: .pass, observed: 0, threshold: 0.05, comparison: .atMost,
                       detail: "infrastructure errors: baseline 0/40, candidate 0/40 trials"),
        ],
        completionRegressions: (1...12).map { key("smoke", String(format: "s-%02d", $0), 0) },
        completionGains: [],
        rewardRegressions: (1...12).map { key("smoke", String(format: "s-%02d", $0), 0) },
        warnings: [],
        sequential: SequentialSummary(
            batchCases: 5, minCases: 10,
            method: "asymptotic confidence sequences (Gaussian mixture, running intersection) on per-case paired differences; mixture e-processes on discordant pairs for completion regressions",
            casesUsed: 20, trialsUsed: 40, casesPlanned: 43, looks: 3, stoppedEarly: true,
            fixedSize: .init(trials: 172, modelRequests: 507, tokens: 830_507, cost: 1.72),
            used: .init(trials: 80, modelRequests: 236, tokens: 386_000, cost: 0.8)),
        baselineReuse: BaselineReuse(
            run: "run-20260103-base", differences: ["model.temperature: 0 → 0.2"], allowedStale: true),
        byPreset: ["smoke": PresetVerdict(
            status: .fail, counts: false, pairedCases: 20, pairedTrials: 40,
            gates: [
                GateResult(name: .reward, status: .fail, observed: -0.32, threshold: -0.05, comparison: .atLeast,
                           interval: ConfidenceInterval(lower: -0.47, upper: -0.17, confidence: 0.95),
                           detail: "estimate -0.320, 95% interval [-0.470, -0.170] lies entirely on the failing side of -0.050"),
            ],
            note: "fixed-size intervals over the cases sequential judging used: they describe each preset but do not count (stopping early voids a fixed-size interval's coverage)")]))
}
