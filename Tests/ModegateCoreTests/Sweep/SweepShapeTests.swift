import ModegateCore
import Testing

@Suite struct SweepShapeTests {
    @Test func parsesAListSmallestFanOutFirst() throws {
        let shapes = try SweepShape.parseList("10x10, 1x1,20X50,5×5")
        #expect(shapes.map(\.description) == ["1x1", "5x5", "10x10", "20x50"])
        #expect(shapes.map(\.fanOut) == [1, 25, 100, 1000])
    }

    @Test(arguments: ["5by5", "5x", "x5", "5x5x5", "five", "", "5x5,,1x1", "1.5x2"])
    func refusesMalformedShapesNamingTheFlagAndTheFix(_ text: String) {
        let error = #expect(throws: SweepInputError.self) { try SweepShape.parseList(text) }
        #expect(error?.description.contains("--shapes") == true)
        #expect(error?.description.contains("5x5") == true || error?.description.contains("1x1") == true)
    }

    @Test(arguments: ["0x5", "5x0", "-1x3"])
    func refusesZeroAndNegativeSizes(_ text: String) {
        let error = #expect(throws: SweepInputError.self) { try SweepShape.parseList(text) }
        #expect(error?.description.contains("at least 1") == true, "\(String(describing: error))")
    }

    @Test func refusesTwoShapesOfTheSameFanOut() {
        let error = #expect(throws: SweepInputError.self) { try SweepShape.parseList("4x5,5x4") }
        #expect(error?.description.contains("same fan-out (20)") == true)
    }

    @Test func boundsNameThePresetAndTheLimit() {
        let bounds = SweepBounds(maxShards: 50, maxCandidates: 50)
        #expect(bounds.problem(with: SweepShape(shards: 50, candidates: 50), preset: "web") == nil)
        let problem = bounds.problem(with: SweepShape(shards: 20, candidates: 60), preset: "web")
        #expect(problem?.contains("20x60") == true && problem?.contains("'web'") == true && problem?.contains("--preset") == true)
    }
}
