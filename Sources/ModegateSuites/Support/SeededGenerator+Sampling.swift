import ModegateCore

/// The draws the suites' data generators make. Written on top of `next()` and `index(below:)`
/// rather than the standard library's `random(in:using:)`, whose algorithm may change between
/// Swift releases; suite data must stay byte-identical, because expected answers depend on it.
extension SeededGenerator {
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + index(below: range.count)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[index(below: items.count)]
    }

    /// Fisher–Yates.
    mutating func shuffle<Element>(_ items: inout [Element]) {
        guard items.count > 1 else { return }
        for last in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(last, index(below: last + 1))
        }
    }

    /// A generator for one part of a suite's data, so adding draws to one part leaves the others alone.
    static func stream(_ seed: Int, _ part: UInt64) -> SeededGenerator {
        SeededGenerator(seed: UInt64(truncatingIfNeeded: seed), stream: part)
    }
}
