import Testing
@testable import ModegateCore

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameStream() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        for _ in 0..<100 { #expect(first.next() == second.next()) }
    }

    @Test func streamsDiffer() {
        var first = SeededGenerator(seed: 42, stream: 0)
        var second = SeededGenerator(seed: 42, stream: 1)
        #expect((0..<8).map { _ in first.next() } != (0..<8).map { _ in second.next() })
    }

    @Test func indicesAreInRangeAndRoughlyUniform() {
        var generator = SeededGenerator(seed: 7)
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<100_000 { counts[generator.index(below: 10)] += 1 }
        for count in counts { #expect(abs(count - 10_000) < 500) }
    }
}
