@testable import ModegateHarness
import Testing

/// `--shard auto` reads each engine's own numbering (GitLab from 1, the others from 0) and
/// refuses an environment it cannot read, naming the variables.
@Suite struct ShardEnvironmentTests {
    private func shard(_ environment: [String: String], total: Int? = nil) throws -> ShardEnvironment.Found {
        try ShardEnvironment(environment: environment, total: total).resolve()
    }

    private func problem(_ environment: [String: String], total: Int? = nil) -> String {
        do {
            let found = try shard(environment, total: total)
            return "no problem: \(found.shard)"
        } catch {
            return "\(error)"
        }
    }

    @Test func eachEngineIsReadInItsOwnNumbering() throws {
        #expect(try shard(["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "3"]).shard == Shard(index: 1, count: 3))
        #expect(try shard(["CI_NODE_INDEX": "3", "CI_NODE_TOTAL": "3"]).engine == .gitLab)
        #expect(try shard(["BUILDKITE_PARALLEL_JOB": "0", "BUILDKITE_PARALLEL_JOB_COUNT": "4"]).shard == Shard(index: 1, count: 4))
        #expect(try shard(["CIRCLE_NODE_INDEX": "3", "CIRCLE_NODE_TOTAL": "4"]).shard == Shard(index: 4, count: 4))
        #expect(try shard(["JOB_COMPLETION_INDEX": "2"], total: 5).shard == Shard(index: 3, count: 5))
        let fromVariable = try shard(["JOB_COMPLETION_INDEX": "0", "MODEGATE_SHARD_TOTAL": "2"])
        #expect(fromVariable.shard == Shard(index: 1, count: 2) && fromVariable.evidence == "JOB_COMPLETION_INDEX=0, MODEGATE_SHARD_TOTAL=2")
        // Two engines that agree are one shard.
        #expect(try shard(["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "2", "CIRCLE_NODE_INDEX": "1", "CIRCLE_NODE_TOTAL": "2"]).shard == Shard(index: 2, count: 2))
    }

    @Test func anUnreadableEnvironmentNamesTheVariables() {
        #expect(problem([:]).contains("found no CI engine's parallel-job variables") && problem([:]).contains("CI_NODE_INDEX, CI_NODE_TOTAL"))
        #expect(problem(["CI_NODE_INDEX": "2"]).contains("CI_NODE_INDEX is set but CI_NODE_TOTAL is not"))
        #expect(problem(["BUILDKITE_PARALLEL_JOB_COUNT": "2"]).contains("BUILDKITE_PARALLEL_JOB_COUNT is set but BUILDKITE_PARALLEL_JOB is not"))
        #expect(problem(["CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "2"]).contains("CI_NODE_INDEX=0 is not a whole number from 1"))
        #expect(problem(["CIRCLE_NODE_INDEX": "4", "CIRCLE_NODE_TOTAL": "4"]).contains("CIRCLE_NODE_INDEX=4, CIRCLE_NODE_TOTAL=4 is out of range (shard 5 of 4)"))
        #expect(problem(["CIRCLE_NODE_INDEX": "x", "CIRCLE_NODE_TOTAL": "4"]).contains("CIRCLE_NODE_INDEX=x is not a whole number"))
        #expect(problem(["JOB_COMPLETION_INDEX": "1"]).contains("give --shard-total N or set MODEGATE_SHARD_TOTAL"))
        #expect(problem(["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "2"], total: 3).contains("--shard-total 3 disagrees with CI_NODE_TOTAL=2"))
        #expect(problem(["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "2", "BUILDKITE_PARALLEL_JOB": "1", "BUILDKITE_PARALLEL_JOB_COUNT": "2"])
            .contains("two engines that disagree: GitLab CI says 1/2"))
    }
}
