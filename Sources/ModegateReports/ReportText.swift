import Foundation
import ModegateCore

/// Small formatting rules shared by the reports.
enum ReportText {
    /// A confidence level as a percentage without needless decimals: 0.95 → `95%`, 0.975 → `97.5%`.
    static func percentLevel(_ confidence: Double) -> String {
        String(format: "%g%%", (confidence * 100 * 1000).rounded() / 1000)
    }

    /// The verdict's headline word, e.g. `PASS`.
    static func statusLabel(_ status: Verdict.Status) -> String { status.rawValue.uppercased() }

    /// `verdict: PASS (exit 0)`, or for an error `verdict: ERROR (exit 3): message`.
    static func verdictLine(_ verdict: Verdict, label: String? = nil) -> String {
        let word = label ?? statusLabel(verdict.status)
        var line = "verdict: \(word) (exit \(verdict.exitStatus.rawValue))"
        if verdict.status == .error { line += ": \(verdict.errorMessage ?? "the runs could not be judged")" }
        return line
    }

    /// An arm as `id (strategy)`.
    static func arm(_ arm: ArmReport) -> String { "\(arm.id) (\(arm.strategy?.rawValue ?? "unknown strategy"))" }

    /// How the arm's model used its tools, in one line; nil when the run did not record it.
    /// A code-mode arm: the share of trials that ran code, programs per trial, discovery calls
    /// and how first programs failed; a tool-calling arm: calls to unknown tools and calls with
    /// invalid arguments.
    static func adoption(_ arm: ArmReport) -> String? {
        guard let adoption = arm.adoption, adoption.trials > 0 else { return nil }
        let misfits = "\(adoption.unknownToolCalls) call\(adoption.unknownToolCalls == 1 ? "" : "s") to unknown tools, "
            + "\(adoption.invalidArgumentCalls) with invalid arguments"
        guard arm.strategy == .codemode else { return misfits }
        let failures = adoption.firstProgramFailures.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return String(format: "ran code in %.0f%% of %d trials (%d never called run_code), %.2f run_code calls a trial, %d discovery calls; ",
                      adoption.codeShare * 100, adoption.trials, adoption.trialsWithoutCode, adoption.runCodeCallsPerTrial,
                      adoption.discoveryCalls)
            + "first programs failed: \(failures.isEmpty ? "none" : failures); " + misfits
    }

    /// How the arm used each MCP server it was offered, in one line; nil when it was offered none.
    /// `git: 14 of 40 tool calls (35%) in 3 of 4 trials, 2.1 calls before the first, 2 bursts, 0 errors, 18.2 kB`
    static func serverAdoption(_ arm: ArmReport) -> String? {
        guard let servers = arm.serverAdoption, !servers.isEmpty else { return nil }
        return servers.keys.sorted().map { name in
            let figures = servers[name]!
            let first = figures.meanCallsBeforeFirst.map { String(format: ", %.1f calls before the first", $0) } ?? ""
            return String(format: "%@: %d of %d tool calls (%.0f%%) in %d of %d trials%@, %d burst%@, %d error%@, %@",
                          name, figures.calls, figures.calls + figures.otherCalls, figures.share * 100, figures.trialsUsing,
                          figures.trials, first, figures.bursts, figures.bursts == 1 ? "" : "s", figures.errorCalls,
                          figures.errorCalls == 1 ? "" : "s", Self.bytes(figures.resultBytes))
        }.joined(separator: "; ")
    }

    private static func bytes(_ count: Int) -> String {
        count < 1000 ? "\(count) B" : String(format: "%.1f kB", Double(count) / 1000)
    }

    /// How the judge decided, e.g. `statistical (95% confidence, 5000 resamples, seed 42)`.
    static func mode(_ settings: JudgementSettings) -> String {
        switch settings.mode {
        case .point: "point"
        case .statistical where settings.sequential != nil:
            "statistical, sequential (\(percentLevel(settings.confidence)) confidence, batches of \(settings.sequential?.batchCases ?? 0) cases from \(settings.sequential?.minCases ?? 0), seed \(settings.seed))"
        case .statistical:
            "statistical (\(percentLevel(settings.confidence)) confidence, \(settings.bootstrapResamples) resamples, seed \(settings.seed))"
        }
    }

    /// Where a reused baseline came from, and what its provenance does not match.
    static func baselineReuse(_ reuse: BaselineReuse) -> String {
        guard reuse.isStale else { return "the stored run \(reuse.run), reused: its provenance matches this gate" }
        return "the stored run \(reuse.run), reused with --allow-stale-baseline although its provenance differs: "
            + reuse.differences.joined(separator: "; ")
    }

    /// What sequential judging used and saved, in one line.
    static func sequential(_ summary: SequentialSummary) -> String {
        let stop = summary.stoppedEarly ? "stopped early, every gate decided" : "ran the whole workload"
        let saved = summary.fixedSize.trials > 0 ? String(format: " (%.0f%%)", summary.fractionUsed * 100) : ""
        return "\(summary.casesUsed) of \(summary.casesPlanned) cases in \(summary.looks) look\(summary.looks == 1 ? "" : "s"), \(stop); "
            + "\(summary.used.trials) trials, \(summary.used.modelRequests) model requests, \(summary.used.tokens) tokens\(saved) "
            + "where a fixed-size run takes \(summary.fixedSize.trials) trials, \(summary.fixedSize.modelRequests) requests, \(summary.fixedSize.tokens) tokens"
            + (summary.fixedSize.cost > 0 ? String(format: ", cost %.2f (this run %.2f)", summary.fixedSize.cost, summary.used.cost) : "")
    }

    /// The first `limit` keys as `preset/case#rep`, then how many were left out.
    static func keyList(_ keys: [PairKey], limit: Int = 10) -> (shown: [String], more: Int) {
        (keys.prefix(limit).map(\.description), max(0, keys.count - limit))
    }
}
