import Foundation
import Testing

/// Flags that stand in for gate-file keys accept exactly the key's range (from the gate schema).
@Suite struct FlagRangeTests {
    @Test(arguments: [
        (["validate", "--confidence", "2"], "--confidence must be between 0.5 and 0.9999, found 2 (as judgement.confidence in a gate file)"),
        (["validate", "--max-error-rate", "1.5"], "--max-error-rate must be between 0 and 1, found 1.5 (as thresholds.max_error_rate in a gate file)"),
        (["compare", "--min-reward-delta", "3"], "--min-reward-delta must be between -1 and 1, found 3 (as thresholds.min_reward_delta in a gate file)"),
        (["validate", "--bootstrap-resamples", "10"], "--bootstrap-resamples must be between 100 and 1000000, found 10"),
        (["run", "gates/codemode.yaml", "--concurrency", "300"], "--concurrency must be between 1 and 256, found 300 (as workload.concurrency in a gate file)"),
        (["exec", "p.js", "--memory-mb", "8"], "--memory-mb must be between 16 and 65536, found 8 (as candidate.limits.memory_mb in a gate file)"),
        (["bench", "--preset", "smoke", "--repetitions", "0"], "--repetitions must be between 1 and 1000, found 0 (as workload.repetitions in a gate file)"),
    ])
    func aFlagOutsideItsKeysRangeIsAUsageError(arguments: [String], message: String) async throws {
        let scratch = try Scratch()
        let result = try await ModegateBinary.run(arguments, in: scratch.url)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aFlagAtTheEdgeOfItsRangeIsAccepted() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(
            ["validate", "--candidate", "runs/codemode-example", "--baseline", "runs/tool_call-example",
             "--confidence", "0.9999", "--max-error-rate", "1", "--json"], in: scratch.url)
        #expect(result.status != 64, "\(result.stderr)")
    }
}
