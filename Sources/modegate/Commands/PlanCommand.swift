import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateReports

/// `modegate plan GATE [--pilot REF…]`: how many cases × repetitions each gate needs to be
/// decided with a stated power, before a live model is paid for them; and what that size costs.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan the size a gate needs: cases × repetitions for a stated power, and its cost.",
        discussion: """
            With --pilot (a candidate run; its baseline is the run before it, or its own gate run's \\
            baseline), the variances between and within cases are measured on the pilot's paired \\
            trials, and its cost per trial prices the plan. Without one they are assumed from \\
            --delta, --between-sd and --within-sd, and the rehearsal's estimate prices it. \\
            See docs/judge.md.
            """)

    @Argument(help: "The gate file.")
    var gate: String

    @Option(name: .customLong("pilot"), help: "A pilot candidate run (latest, an id, a path); repeatable, pooled.")
    var pilots: [String] = []

    @Option(help: "The probability of deciding each gate (0.5–0.999).")
    var power = 0.8

    @Option(help: "Without a pilot: the expected candidate − baseline difference in reward and completion.")
    var delta = 0.0

    @Option(help: "Without a pilot: the standard deviation of cases' true differences.")
    var betweenSd = MarginWarning.assumed.between

    @Option(help: "Without a pilot: the standard deviation of one trial's difference around its case's.")
    var withinSd = MarginWarning.assumed.within

    @Flag(help: "Print the plan as JSON.")
    var json = false

    @OptionGroup var invocation: InvocationOptions

    func validate() throws {
        guard power >= 0.5, power <= 0.999 else { throw ValidationError("--power must be between 0.5 and 0.999, found \(power)") }
        guard betweenSd >= 0, withinSd >= 0 else { throw ValidationError("--between-sd and --within-sd must be at least 0") }
        guard (-1...1).contains(delta) else { throw ValidationError("--delta must be between -1 and 1, found \(delta)") }
    }

    func run() async throws {
        let workspace = Workspace()
        do {
            let setup = try invocation.setup(gate: gate, workspace: workspace, warmWorkers: 1)
            let plan = setup.plan
            let estimate = try await setup.closing {
                try await SignalWatch.shared.cancellingOnSignal(stopping: "stopping the estimate") { try await setup.runner.estimate() }
            }
            let cases = (estimate.arms.first?.trials ?? 0) / max(plan.workload.repetitions, 1)
            for warning in MarginWarning.warnings(plan: plan, cases: cases) { Console.error("modegate: \(gate): warning: \(warning)") }
            let runs = try pilots.map { reference in
                try workspace.store.resolvePair(
                    candidate: try RunReference(parsing: reference), baseline: .previous(nil), workingDirectory: workspace.directory)
            }
            let decision: DecisionPlan
            if runs.isEmpty {
                decision = DecisionPlan(
                    assumed: VarianceComponents(mean: delta, between: betweenSd * betweenSd, within: withinSd * withinSd),
                    thresholds: plan.thresholds, confidence: plan.judgement.confidence, power: power,
                    workloadCases: cases, workloadRepetitions: plan.workload.repetitions)
            } else {
                decision = DecisionPlan(
                    pilot: Self.pooledPairs(runs), thresholds: plan.thresholds, confidence: plan.judgement.confidence, power: power,
                    workloadCases: cases, workloadRepetitions: plan.workload.repetitions)
            }
            if json {
                Console.out(try StableJSON.string(decision))
            } else {
                let trials = cases * (decision.recommendedRepetitions ?? plan.workload.repetitions)
                let spending = runs.isEmpty
                    ? Self.spending(estimate: estimate, trials: trials, concurrency: plan.workload.concurrency)
                    : Self.spending(pilots: runs, trials: trials, concurrency: plan.workload.concurrency, currency: plan.model(for: .candidate).pricing?.currency)
                Console.out(DecisionPlanText.render(decision, gate: gate, spending: spending))
            }
        } catch {
            throw Failure.exit(for: error)
        }
    }

    /// Every pilot's pairs; a case several pilots played counts each pilot's trials as more
    /// repetitions of it.
    static func pooledPairs(_ runs: [(candidate: StoredRun, baseline: StoredRun)]) -> [Pairing.Pair] {
        var pairs: [Pairing.Pair] = []
        for (index, run) in runs.enumerated() {
            for var pair in Pairing(candidate: run.candidate.trials, baseline: run.baseline.trials).pairs {
                pair.candidate.key.repetition += index * 1_000_000
                pair.baseline.key.repetition += index * 1_000_000
                pairs.append(pair)
            }
        }
        return pairs.sorted { $0.candidate.key < $1.candidate.key }
    }

    /// The recommended size priced at the pilots' measured figures per trial.
    static func spending(pilots: [(candidate: StoredRun, baseline: StoredRun)], trials: Int, concurrency: Int, currency: String?) -> DecisionPlanText.Spending {
        var lines = ["priced at the pilot's figures per trial:"]
        var seconds = 0.0
        for (role, runs) in [("baseline", pilots.map(\.baseline)), ("candidate", pilots.map(\.candidate))] {
            let all = runs.flatMap(\.trials)
            guard !all.isEmpty else { continue }
            let count = Double(all.count)
            let steps = all.reduce(0) { $0 + $1.steps }
            let tokens = all.reduce(0) { $0 + $1.tokens }
            let cost = all.reduce(0) { $0 + $1.cost }
            seconds += all.reduce(0) { $0 + $1.latency } / count * Double(trials)
            lines.append(String(format: "%@: ~%d model requests, ~%d tokens, ~%.2f %@",
                                role, Int((Double(steps) / count * Double(trials)).rounded()),
                                Int((Double(tokens) / count * Double(trials)).rounded()), cost / count * Double(trials), currency ?? "(no pricing)"))
        }
        lines.append(String(format: "time: ~%.1f min at concurrency %d", seconds / Double(max(concurrency, 1)) / 60, concurrency))
        return DecisionPlanText.Spending(lines: lines)
    }

    /// The recommended size priced at the rehearsal's estimate per trial.
    static func spending(estimate: RunEstimate, trials: Int, concurrency: Int) -> DecisionPlanText.Spending {
        var lines = ["priced at the rehearsal's estimate per trial (the reference solutions; a live model takes more):"]
        var requests = 0.0
        var cost = 0.0
        for arm in estimate.arms where arm.trials > 0 {
            let scale = Double(trials) / Double(arm.trials)
            requests += Double(arm.requests) * scale
            let prompt = Int((Double(arm.promptTokens) * scale).rounded())
            let completion = Int((Double(arm.completionTokens) * scale).rounded())
            cost += estimate.pricing?.cost(prompt: prompt, completion: completion) ?? 0
            lines.append("\(arm.name): ~\(Int((Double(arm.requests) * scale).rounded())) model requests, ~\(prompt) input and ~\(completion) output tokens")
        }
        if let pricing = estimate.pricing { lines.append(String(format: "cost: ~%.2f %@", cost, pricing.currency)) }
        lines.append(String(format: "time: ~%.1f min at concurrency %d and %.0f s a request",
                            requests * RunEstimate.assumedSecondsPerRequest / Double(max(concurrency, 1)) / 60, concurrency,
                            RunEstimate.assumedSecondsPerRequest))
        return DecisionPlanText.Spending(lines: lines)
    }
}
