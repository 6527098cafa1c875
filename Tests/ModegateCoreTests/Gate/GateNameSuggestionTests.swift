@testable import ModegateCore
import Testing

@Suite struct GateNameSuggestionTests {
    @Test func transpositionsCountAsOneEdit() {
        #expect(NameSuggestion.editDistance("nmae", "name") == 1)
        #expect(NameSuggestion.editDistance("kitten", "sitting") == 3)
        #expect(NameSuggestion.editDistance("", "abc") == 3)
    }

    @Test func suggestsOnlyPlausibleTypos() {
        #expect(NameSuggestion.closest(to: "min_reward_delt", among: ["min_reward_delta", "min_completion_delta"]) == "min_reward_delta")
        #expect(NameSuggestion.closest(to: "openia", among: ["scripted", "openai", "anthropic"]) == "openai")
        #expect(NameSuggestion.closest(to: "Version", among: ["version", "name"]) == "version")
        #expect(NameSuggestion.closest(to: "frobnicate", among: ["version", "name"]) == nil)
        #expect(NameSuggestion.closest(to: "x", among: []) == nil)
    }
}
