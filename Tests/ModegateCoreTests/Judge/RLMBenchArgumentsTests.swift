import Testing
@testable import ModegateCore

@Suite struct RLMBenchArgumentsTests {
    @Test func acceptsRLMCodesWords() throws {
        let parsed = try RLMBenchArguments(words: [
            "CANDIDATE=latest", "baseline=bench_1", "min_reward_delta=-0.1", "min_completion_delta=1_0",
            "max_steps_increase=0.50", "fail_on_completion_regression=Off", "output=json",
        ])
        #expect(parsed.candidate == "latest")
        #expect(parsed.baseline == "bench_1")
        #expect(parsed.overrides.minRewardDelta == -0.1)
        #expect(parsed.overrides.minCompletionDelta == 10)
        #expect(parsed.overrides.failOnCompletionRegression == false)
        #expect(parsed.json)
    }

    @Test func positionalReferencesAndEmptyValues() throws {
        let parsed = try RLMBenchArguments(words: ["a", "b", "--json"])
        #expect(parsed.candidate == "a" && parsed.baseline == "b" && parsed.json)
        let empty = try RLMBenchArguments(words: ["candidate=", "baseline="])
        #expect(empty.candidate == "latest" && empty.baseline == "previous")
    }

    @Test func rejectsWhatRLMCodeRejects() {
        #expect(throws: RLMBenchArguments.Problem.self) { try RLMBenchArguments(words: ["min_reward_delta=x"]) }
        #expect(throws: RLMBenchArguments.Problem.self) { try RLMBenchArguments(words: ["fail_on_completion_regression=2"]) }
        #expect(throws: RLMBenchArguments.Problem.self) { try RLMBenchArguments(words: ["a", "b", "c"]) }
        #expect(throws: RLMBenchArguments.Problem.unknownKey("max_step_increase", suggestion: "max_steps_increase")) {
            try RLMBenchArguments(words: ["max_step_increase=1"])
        }
    }
}
