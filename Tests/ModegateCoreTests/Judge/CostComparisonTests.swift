import Foundation
import Testing
@testable import ModegateCore

/// The costs side by side: known trials give known figures, deltas, ratios and intervals; what a
/// run does not record stays missing instead of becoming 0.
@Suite struct CostComparisonTests {
    static let point = JudgementSettings(mode: .point, confidence: 0.95, bootstrapResamples: 2000, seed: 42)
    static let statistical = JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 2000, seed: 42)

    static func trial(
        _ caseIndex: Int, _ repetition: Int, prompt: Int, completion: Int = 0, cached: Int = 0, requests: Int = 1,
        cost: Double = 0, latency: Double = 1, toolBytes: Int = 0, visibleBytes: Int = 0, preset: String = "smoke"
    ) -> TrialOutcome {
        TrialOutcome(
            key: PairKey(preset: preset, caseID: "case-\(caseIndex)", repetition: repetition), completed: true, reward: 1,
            steps: requests, promptTokens: prompt, completionTokens: completion, cachedTokens: cached,
            modelRequests: requests, cost: cost, latency: latency, toolResponseBytes: toolBytes,
            modelVisibleToolBytes: visibleBytes)
    }

    static func costs(
        candidate: StoredRun, baseline: StoredRun, settings: JudgementSettings = point
    ) throws -> CostComparison {
        let verdict = Judge(thresholds: .rlmDefaults, settings: settings).judge(candidate: candidate, baseline: baseline)
        return try #require(verdict.costs)
    }

    /// Two cases of two repetitions; the candidate reads fewer tool bytes and asks less of the model.
    static let baselineTrials = [
        trial(0, 0, prompt: 1000, completion: 100, cached: 200, requests: 4, cost: 0.004, latency: 2, toolBytes: 1000, visibleBytes: 1000),
        trial(0, 1, prompt: 1200, completion: 100, cached: 200, requests: 4, cost: 0.006, latency: 4, toolBytes: 1000, visibleBytes: 1000),
        trial(1, 0, prompt: 800, completion: 60, cached: 0, requests: 2, cost: 0.002, latency: 6, toolBytes: 2000, visibleBytes: 2000),
        trial(1, 1, prompt: 1000, completion: 60, cached: 0, requests: 2, cost: 0.004, latency: 8, toolBytes: 0, visibleBytes: 0),
    ]
    static let candidateTrials = [
        trial(0, 0, prompt: 500, completion: 150, cached: 100, requests: 2, cost: 0.002, latency: 1, toolBytes: 1000, visibleBytes: 100),
        trial(0, 1, prompt: 700, completion: 150, cached: 100, requests: 2, cost: 0.004, latency: 3, toolBytes: 1000, visibleBytes: 100),
        trial(1, 0, prompt: 400, completion: 90, cached: 0, requests: 2, cost: 0.001, latency: 5, toolBytes: 2000, visibleBytes: 200),
        trial(1, 1, prompt: 600, completion: 90, cached: 0, requests: 2, cost: 0.003, latency: 7, toolBytes: 0, visibleBytes: 0),
    ]

    func priced(_ id: String, _ strategy: Strategy, _ trials: [TrialOutcome]) -> StoredRun {
        var run = RunBuilder(id: id, strategy: strategy).stored(trials)
        run.currency = "USD"
        return run
    }

    @Test func pointModeGivesTheFiguresDeltasAndRatiosOfThePairedTrials() throws {
        let costs = try Self.costs(
            candidate: priced("cand", .codemode, Self.candidateTrials), baseline: priced("base", .toolCall, Self.baselineTrials))
        #expect(costs.pairedTrials == 4)
        #expect(costs.currency == "USD")
        #expect(costs.figures.map(\.name) == CostFigure.Name.allCases)
        let expected: [(CostFigure.Name, Double, Double)] = [
            (.promptTokens, 1000, 550), (.completionTokens, 80, 120), (.cachedTokens, 100, 50),
            (.cost, 0.004, 0.0025), (.modelRequests, 3, 2),
            // Type-7 quantiles of {2, 4, 6, 8} and {1, 3, 5, 7}.
            (.latencyP50, 5, 4), (.latencyP95, 7.7, 6.7),
            (.modelVisibleToolBytes, 1000, 100), (.payloadSuppression, 0, 0.9),
        ]
        for (name, baseline, candidate) in expected {
            let figure = try #require(costs[name])
            #expect(abs(try #require(figure.baseline) - baseline) < 1e-9, "\(name) baseline")
            #expect(abs(try #require(figure.candidate) - candidate) < 1e-9, "\(name) candidate")
            #expect(abs(try #require(figure.delta) - (candidate - baseline)) < 1e-9, "\(name) delta")
            #expect(figure.interval == nil, "point mode has no intervals")
            #expect(figure.notRecorded == [])
        }
        #expect(abs(try #require(costs[.promptTokens]?.ratio) - 0.55) < 1e-12)
        #expect(costs[.payloadSuppression]?.ratio == nil, "a share has a difference, not a ratio")
    }

    @Test func statisticalModeGivesEachDeltaItsPairedInterval() throws {
        // Two cases whose paired prompt-token deltas are -500 and -400 per trial: every resample's
        // mean delta is -500, -450 or -400, and each end has a quarter of the resamples.
        let costs = try Self.costs(
            candidate: priced("cand", .codemode, Self.candidateTrials), baseline: priced("base", .toolCall, Self.baselineTrials),
            settings: Self.statistical)
        let prompt = try #require(costs[.promptTokens]?.interval)
        #expect(prompt.lower == -500 && prompt.upper == -400 && prompt.confidence == 0.95)
        // The same two cases for the requests: -2 per trial in one, 0 in the other.
        let requests = try #require(costs[.modelRequests]?.interval)
        #expect(requests.lower == -2 && requests.upper == 0)
        for figure in costs.figures {
            let interval = try #require(figure.interval, "\(figure.name)")
            let delta = try #require(figure.delta)
            #expect(interval.lower <= delta + 1e-9 && delta - 1e-9 <= interval.upper, "\(figure.name): \(delta) in \(interval)")
        }
    }

    @Test func identicalRunsHaveZeroDeltasWithZeroWidthIntervals() throws {
        let run = priced("same", .toolCall, Self.baselineTrials)
        let costs = try Self.costs(candidate: run, baseline: run, settings: Self.statistical)
        for figure in costs.figures {
            #expect(figure.delta == 0, "\(figure.name)")
            #expect(figure.interval == ConfidenceInterval(lower: 0, upper: 0, confidence: 0.95), "\(figure.name)")
        }
    }

    @Test func intervalsFollowTheVerdictsSeed() throws {
        var noise = Noise(seed: 3)
        let baseline = (0..<12).flatMap { c in (0..<2).map { r in Self.trial(c, r, prompt: 900 + Int(noise.unit() * 300), latency: 1 + noise.unit()) } }
        let candidate = (0..<12).flatMap { c in (0..<2).map { r in Self.trial(c, r, prompt: 500 + Int(noise.unit() * 300), latency: 1 + noise.unit()) } }
        let cand = priced("cand", .codemode, candidate)
        let base = priced("base", .toolCall, baseline)
        let first = try Self.costs(candidate: cand, baseline: base, settings: Self.statistical)
        let again = try Self.costs(candidate: cand, baseline: base, settings: Self.statistical)
        var reseeded = Self.statistical
        reseeded.seed = 7
        let other = try Self.costs(candidate: cand, baseline: base, settings: reseeded)
        #expect(try StableJSON.data(first) == StableJSON.data(again))
        #expect(first[.promptTokens]?.interval != other[.promptTokens]?.interval)
        #expect(first[.promptTokens]?.delta == other[.promptTokens]?.delta)
    }

    @Test func unrecordedFiguresStayMissingNeverZero() throws {
        // An RLM Code summary records usage and duration per case, nothing about cost or tool bytes.
        let rlm = try RLMSummaryImporter.importing([
            "benchmark_id": "bench_base", "total_cases": 2, "completed_cases": 2,
            "case_results": [
                ["case_id": "case-0", "completed": true, "total_reward": 1, "steps": 3, "duration_seconds": 2,
                 "usage": ["prompt_tokens": 1000, "completion_tokens": 100]],
                ["case_id": "case-1", "completed": true, "total_reward": 1, "steps": 3, "duration_seconds": 4,
                 "usage": ["prompt_tokens": 1200, "completion_tokens": 100]],
            ],
        ], path: "/tmp/bench_base.json")
        var native = RunBuilder(id: "cand", strategy: .codemode, preset: "").stored([
            Self.trial(0, 0, prompt: 500, cost: 0.01, toolBytes: 100, visibleBytes: 10, preset: ""),
            Self.trial(1, 0, prompt: 700, cost: 0.01, toolBytes: 100, visibleBytes: 10, preset: ""),
        ])
        native.currency = "EUR"
        let costs = try Self.costs(candidate: native, baseline: rlm)
        #expect(costs.currency == "EUR")
        for name in [CostFigure.Name.cachedTokens, .cost, .modelRequests, .modelVisibleToolBytes, .payloadSuppression] {
            let figure = try #require(costs[name])
            #expect(figure.notRecorded == [.baseline], "\(name)")
            #expect(figure.baseline == nil && figure.delta == nil && figure.ratio == nil, "\(name)")
            #expect(figure.candidate != nil, "\(name)")
        }
        #expect(costs[.promptTokens]?.delta == -500)
        #expect(costs[.latencyP50]?.baseline == 3)

        // A native run whose gate set no pricing recorded 0 for an unknown cost.
        var unpriced = native
        unpriced.notRecorded = [.cost]
        let both = try Self.costs(candidate: unpriced, baseline: rlm, settings: Self.statistical)
        #expect(both.currency == nil)
        #expect(both[.cost]?.notRecorded == [.baseline, .candidate])
        #expect(both[.cost]?.candidate == nil && both[.cost]?.interval == nil)
        #expect(both[.promptTokens]?.interval != nil)
    }

    @Test func payloadSuppressionWithoutToolTrafficIsNotMeasurableButRecorded() throws {
        let quiet = [Self.trial(0, 0, prompt: 10), Self.trial(1, 0, prompt: 20)]
        let costs = try Self.costs(candidate: priced("c", .codemode, quiet), baseline: priced("b", .toolCall, quiet))
        let suppression = try #require(costs[.payloadSuppression])
        #expect(suppression.baseline == nil && suppression.candidate == nil && suppression.notRecorded == [])
        #expect(costs[.cost]?.ratio == nil, "a zero baseline has no ratio")
    }

    @Test func differentCurrenciesAreListedButNotCompared() throws {
        var euro = priced("cand", .codemode, Self.candidateTrials)
        euro.currency = "EUR"
        let verdict = Judge(thresholds: .rlmDefaults, settings: Self.point)
            .judge(candidate: euro, baseline: priced("base", .toolCall, Self.baselineTrials))
        let costs = try #require(verdict.costs)
        #expect(costs.currency == nil)
        #expect(costs[.cost]?.baseline == 0.004 && costs[.cost]?.delta == nil)
        #expect(verdict.warnings.contains { $0.contains("priced in USD and the candidate in EUR") })
    }

    @Test func runsWithoutPairedTrialsHaveNoCosts() {
        let candidate = RunBuilder(id: "c", strategy: .codemode, preset: "alpha").run(cases: 2) { _, _ in (true, 1, 2) }
        let baseline = RunBuilder(id: "b", strategy: .toolCall, preset: "beta").run(cases: 2) { _, _ in (true, 1, 2) }
        let verdict = Judge(thresholds: .rlmDefaults, settings: Self.point).judge(candidate: candidate, baseline: baseline)
        #expect(verdict.status == .error)
        #expect(verdict.costs == nil)
    }

    @Test func nativeRunsWithoutPricingDoNotRecordCost() {
        func manifest(plan: JSONValue?) -> RunManifest {
            RunManifest(
                runID: "r", toolVersion: "t", strategy: .toolCall, plan: plan, presets: ["smoke"], repetitions: 1,
                plannedTrials: 1, seed: 1, host: "h", startedAt: Date(timeIntervalSince1970: 0))
        }
        let free = [Self.trial(0, 0, prompt: 1)]
        let paid = [Self.trial(0, 0, prompt: 1, cost: 0.5)]
        let priced: JSONValue = ["model": ["provider": "openai", "pricing": ["currency": "USD", "input_per_million": 1, "output_per_million": 2]]]
        let scripted: JSONValue = ["model": ["provider": "scripted"]]
        #expect(NativeRunReader.costRecorded(manifest(plan: priced), trials: free))
        #expect(NativeRunReader.currency(manifest(plan: priced)) == "USD")
        #expect(!NativeRunReader.costRecorded(manifest(plan: scripted), trials: paid))
        #expect(NativeRunReader.currency(manifest(plan: scripted)) == nil)
        #expect(NativeRunReader.costRecorded(manifest(plan: nil), trials: paid), "an old run without a plan that recorded a cost")
        #expect(!NativeRunReader.costRecorded(manifest(plan: nil), trials: free))
    }
}
