import Foundation
import ModegateCore

/// `modegate explain`'s terminal report: per case both arms side by side, where their
/// trajectories part, and the transcript lines to open. Pure, like every renderer.
public enum ExplanationText {
    /// The whole report, ending with a newline.
    public static func render(_ explanation: Explanation) -> String {
        var out: [String] = []
        out.append("candidate \(explanation.candidate.id) (\(explanation.candidate.strategy?.rawValue ?? "unknown"))")
        out.append("baseline  \(explanation.baseline.id) (\(explanation.baseline.strategy?.rawValue ?? "unknown"))")
        out.append("\(explanation.pairedCases) paired cases: the candidate lost on \(explanation.lossCount), gained on \(explanation.gainCount)")
        if let selected = explanation.selected {
            for item in selected { out += [""] + block(item) }
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        out.append(heading("losses", shown: explanation.losses.count, of: explanation.lossCount, order: "largest reward loss first"))
        for item in explanation.losses { out += block(item) + [""] }
        if explanation.losses.isEmpty { out += ["  none", ""] }
        out.append(heading("gains", shown: explanation.gains.count, of: explanation.gainCount, order: "largest reward gain first"))
        for item in explanation.gains { out += block(item) + [""] }
        if explanation.gains.isEmpty { out += ["  none", ""] }
        out.append("flaky cases (\(explanation.flaky.count)): repetitions of one arm disagree")
        for item in explanation.flaky {
            out.append("  \(item.preset)/\(item.caseID)  baseline \(flakiness(item.baseline)); candidate \(flakiness(item.candidate))")
        }
        if explanation.flaky.isEmpty { out.append("  none") }
        return out.joined(separator: "\n") + "\n"
    }

    private static func heading(_ what: String, shown: Int, of total: Int, order: String) -> String {
        shown == total ? "\(what) (\(total) cases, \(order)):" : "\(what) (\(shown) of \(total) cases, \(order); --limit shows more):"
    }

    /// One case: its deltas, then per paired repetition whose outcomes differ both trials, where
    /// they part, and the transcript lines (a repetition with the same outcome in both arms is one
    /// line: it explains nothing).
    static func block(_ item: CaseExplanation) -> [String] {
        var lines = ["  \(item.name)  reward \(signed(item.rewardDelta)), completion \(signedPercent(item.completionDelta)) over \(item.pairs) paired repetition\(item.pairs == 1 ? "" : "s")"]
        let baseline = Dictionary(item.baseline.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        for divergence in item.divergences {
            guard let left = baseline[divergence.repetition],
                  let right = item.candidate.first(where: { $0.repetition == divergence.repetition }) else { continue }
            if left.completed == right.completed, abs(left.reward - right.reward) <= Judge.tolerance {
                lines.append("    #\(divergence.repetition) same outcome in both arms: \(left.completed ? "completed" : "not completed"), reward \(String(format: "%.3f", left.reward))")
                continue
            }
            lines.append("    #\(divergence.repetition) baseline:  \(trial(left))")
            lines.append("       candidate: \(trial(right))")
            if let split = divergence.firstDifferingCall {
                lines.append("       calls part at call \(split.index + 1): baseline \(split.baseline?.summary ?? "(no further call)"); candidate \(split.candidate?.summary ?? "(no further call)")")
            } else if left.toolCalls != nil, right.toolCalls != nil {
                lines.append("       both made the same \(left.toolCalls?.count ?? 0) tool call\(left.toolCalls?.count == 1 ? "" : "s")")
            }
            for (arm, failed) in [("baseline", divergence.baselineFirstFailedCall), ("candidate", divergence.candidateFirstFailedCall)] {
                if let failed { lines.append("       first failed call (\(arm)): call \(failed.index + 1) \(failed.call.summary)") }
            }
            for (arm, error) in [("baseline", divergence.baselineError), ("candidate", divergence.candidateError)] {
                if let error { lines.append("       first error (\(arm)): \(String(error.prefix(240)))") }
            }
            let places = [left.transcript.map { "baseline \($0)" }, right.transcript.map { "candidate \($0)" }].compactMap { $0 }
            if !places.isEmpty { lines.append("       open: \(places.joined(separator: "  "))") }
        }
        if item.isFlaky {
            lines.append("    flaky: baseline \(flakiness(item.baselineFlakiness)); candidate \(flakiness(item.candidateFlakiness))")
        }
        return lines
    }

    /// `completed, reward 1.000, 3 steps, 1,874 tokens; answer {"ranked":[…]}`.
    static func trial(_ trial: TrialEvidence) -> String {
        let outcome = trial.completed ? "completed" : "not completed"
        var text = "\(outcome), reward \(String(format: "%.3f", trial.reward)), \(trial.steps) step\(trial.steps == 1 ? "" : "s"), \(trial.tokens) tokens"
        if let answer = trial.finalAnswer { text += "; answer \(String(answer.jsonText.prefix(120)))" }
        return text
    }

    static func flakiness(_ arm: ArmFlakiness) -> String {
        let rewards = abs(arm.maxReward - arm.minReward) <= Judge.tolerance
            ? String(format: "reward %.3f", arm.minReward) : String(format: "rewards %.3f–%.3f", arm.minReward, arm.maxReward)
        return "\(arm.completed) of \(arm.repetitions) completed, \(rewards), \(Int((arm.disagreement * 100).rounded()))% of repetition pairs disagree"
    }

    static func signed(_ value: Double) -> String { String(format: "%+.3f", value) }
    static func signedPercent(_ value: Double) -> String { String(format: "%+.1f%%", value * 100) }
}
