import Foundation
import Testing
@testable import ModegateCore

/// A pair in which either arm's trial is an infrastructure error (a provider, MCP server,
/// sandbox or timeout failed) says nothing about the strategies: it is left out of the paired
/// gates and counted toward `max_error_rate` only (issue 23, point 3).
@Suite struct InfrastructurePairsTests {
    static func outcome(_ index: Int, completed: Bool, infrastructure: Bool = false) -> TrialOutcome {
        TrialOutcome(key: PairKey(preset: "p", caseID: "c\(index)", repetition: 0), completed: completed,
                     reward: completed ? 1 : 0, steps: 2, infrastructureError: infrastructure)
    }

    @Test func pairsWithAnInfrastructureErrorAreLeftOutOfThePairedGates() {
        // Ten cases both arms solve; in two the candidate's MCP server crashed, in one the baseline's provider failed.
        let candidate = (0..<10).map { Self.outcome($0, completed: !($0 == 3 || $0 == 7), infrastructure: $0 == 3 || $0 == 7) }
        let baseline = (0..<10).map { Self.outcome($0, completed: $0 != 5, infrastructure: $0 == 5) }
        let pairing = Pairing(candidate: candidate, baseline: baseline)
        #expect(pairing.pairs.count == 7)
        #expect(pairing.coverage.pairedTrials == 10 && pairing.coverage.pairedCases == 10)
        #expect(pairing.coverage.infrastructurePairs.map(\.caseID) == ["c3", "c5", "c7"])
        #expect(pairing.completionRegressions.isEmpty, "a crashed server is not the candidate's regression")

        let judge = Judge(thresholds: .rlmDefaults, settings: JudgementSettings(mode: .point, confidence: 0.95, bootstrapResamples: 100, seed: 1))
        let verdict = judge.judge(candidate: RunBuilder(id: "c", strategy: .codemode).stored(candidate),
                                  baseline: RunBuilder(id: "b", strategy: .toolCall).stored(baseline))
        let regression = verdict.gates.first { $0.name == .completionRegressions }
        #expect(regression?.status == .pass, "\(regression?.detail ?? "")")
        let errors = verdict.gates.first { $0.name == .errorRate }
        #expect(errors?.status == .fail, "2 of 10 candidate trials are errors, over 5 %")
        #expect(verdict.warnings.contains { $0.hasPrefix("3 paired trials were left out of the paired gates: an infrastructure error") },
                "\(verdict.warnings)")
    }

    @Test func aVerdictWrittenBeforeTheFieldReadsWithNoneLeftOut() throws {
        let json = #"{"paired_cases": 1, "paired_trials": 1, "candidate_trials": 1, "baseline_trials": 1, "candidate_only": [], "baseline_only": [], "duplicate_trials": []}"#
        let coverage = try JSONDecoder().decode(Coverage.self, from: Data(json.utf8))
        #expect(coverage.infrastructurePairs.isEmpty)
    }
}
