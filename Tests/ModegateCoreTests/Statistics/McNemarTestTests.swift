import Testing
@testable import ModegateCore

@Suite struct McNemarTestTests {
    @Test func fiveLossesNoGainsIsOneIn32() {
        #expect(abs(McNemarTest(losses: 5, gains: 0).pValue - 1.0 / 32.0) < 1e-12)
    }

    @Test func threeLossesOneGainSumsTheUpperTail() {
        // P(X ≥ 3), X ~ Bin(4, ½) = (C(4,3) + C(4,4)) / 16 = 5/16.
        #expect(abs(McNemarTest(losses: 3, gains: 1).pValue - 5.0 / 16.0) < 1e-12)
    }

    @Test func noLossesIsNoEvidence() {
        #expect(McNemarTest(losses: 0, gains: 4).pValue == 1)
        #expect(McNemarTest(losses: 0, gains: 0).pValue == 1)
    }

    @Test func largeCountsStayFinite() {
        // 600 of 1,000 discordant pairs: z ≈ 6.3, p ≈ 1.4e-10 by the normal approximation.
        let p = McNemarTest(losses: 600, gains: 400).pValue
        #expect(p > 1e-11 && p < 1e-9)
    }

    @Test func casesNeededGrowsUntilSignificant() throws {
        let test = McNemarTest(losses: 3, gains: 1)
        let pairs = try #require(test.discordantPairsNeeded(alpha: 0.05))
        #expect(pairs > 4)
        let projected = Int((0.75 * Double(pairs)).rounded(.up))
        #expect(McNemarTest.upperTail(successes: projected, trials: pairs) <= 0.05)
        #expect(McNemarTest(losses: 1, gains: 3).discordantPairsNeeded(alpha: 0.05) == nil)
    }
}
