import Testing
@testable import ModegateCore

/// The weighted walk must give exactly what gathering the drawn trials and sorting them gives.
@Suite struct ClusterQuantilesTests {
    @Test func matchesGatheredAndSortedTrials() {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<200 {
            let cases = 1 + generator.index(below: 8)
            let perCase = (0..<cases).map { _ in
                (0..<generator.index(below: 4)).map { _ in Double(generator.index(below: 50)) / 4 }
            }
            let drawn = (0..<cases).map { _ in generator.index(below: cases) }
            var multiplicity = [Int](repeating: 0, count: cases)
            for index in drawn { multiplicity[index] += 1 }
            let gathered = drawn.flatMap { perCase[$0] }.sorted()
            let probabilities = [0.05, 0.5, 0.95]
            let walked = ClusterQuantiles(perCase).quantiles(probabilities, multiplicity: multiplicity)
            for (probability, value) in zip(probabilities, walked) {
                if gathered.isEmpty {
                    #expect(value.isNaN, "round \(round)")
                } else {
                    #expect(value == ConfidenceInterval.quantile(sorted: gathered, probability), "round \(round) p\(probability)")
                }
            }
        }
    }

    @Test func knownValues() {
        let quantiles = ClusterQuantiles([[2, 4], [6, 8]])
        let both = quantiles.quantiles([0.5, 0.95], multiplicity: [1, 1])
        #expect(both[0] == 5 && abs(both[1] - 7.7) < 1e-12)
        // Case 0 drawn twice: {2, 2, 4, 4}.
        #expect(quantiles.quantiles([0.5], multiplicity: [2, 0]) == [3])
        #expect(quantiles.quantiles([0.5], multiplicity: [0, 0])[0].isNaN)
    }
}
