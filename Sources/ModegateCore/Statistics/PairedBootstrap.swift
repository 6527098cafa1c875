import Dispatch

/// Seeded paired cluster bootstrap: resamples *cases* with replacement, so the repetitions of a
/// case stay together and their correlation widens the interval instead of being ignored.
///
/// Resamples are cut into fixed chunks, each drawn from its own stream of the seed; chunks run in
/// parallel but write to fixed slots, so the output is identical for any thread count.
public struct PairedBootstrap: Sendable {
    /// One interval per statistical gate; nil where the gate has nothing to measure.
    public struct Intervals: Sendable, Hashable {
        /// Mean reward delta (candidate − baseline).
        public var rewardDelta: ConfidenceInterval
        /// Completion-rate delta (candidate − baseline).
        public var completionDelta: ConfidenceInterval
        /// Mean steps increase (candidate − baseline).
        public var stepsIncrease: ConfidenceInterval
        /// Mean tokens ratio minus one; nil when no resample could form the ratio (a zero baseline).
        public var tokenIncreaseRatio: ConfidenceInterval?
        /// Mean cost ratio minus one; nil when no resample could form the ratio (a zero baseline).
        public var costIncreaseRatio: ConfidenceInterval?
        /// p95 latency ratio minus one; nil unless latencies were given.
        public var p95LatencyIncreaseRatio: ConfidenceInterval?
    }

    /// Paired per-trial latencies of one case, for the p95 gate (a quantile has no per-case sum).
    public struct CaseLatencies: Sendable, Hashable {
        /// The candidate's trial latencies in seconds.
        public var candidate: [Double]
        /// The baseline's trial latencies in seconds.
        public var baseline: [Double]

        /// One case's latencies; the two arms may hold different counts.
        public init(candidate: [Double], baseline: [Double]) {
            self.candidate = candidate
            self.baseline = baseline
        }
    }

    static let chunkSize = 32

    /// The per-case sums resampled.
    public var cases: [PairedCaseSums]
    /// Per-case latencies, in the order of `cases`; nil leaves out the p95 gate.
    public var latencies: [CaseLatencies]?
    /// Resamples drawn.
    public var resamples: Int
    /// The intervals' level, e.g. 0.95.
    public var confidence: Double
    /// Seeds every chunk's stream; the same seed gives the same intervals on any machine.
    public var seed: UInt64

    /// A bootstrap over `cases` (and their `latencies`, in the same order).
    public init(cases: [PairedCaseSums], latencies: [CaseLatencies]? = nil, resamples: Int, confidence: Double, seed: UInt64) {
        self.cases = cases
        self.latencies = latencies
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    /// Draws the resamples (in parallel chunks) and returns each gate's percentile interval.
    public func intervals() -> Intervals {
        let metrics = latencies == nil ? 5 : 6
        var replicates = [Double](repeating: .nan, count: metrics * resamples)
        let chunks = (resamples + Self.chunkSize - 1) / Self.chunkSize
        replicates.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                fill(chunk: chunk, metrics: metrics, into: output)
            }
        }
        func interval(_ metric: Int) -> ConfidenceInterval? {
            var values = replicates[(metric * resamples)..<((metric + 1) * resamples)].filter { !$0.isNaN }
            guard !values.isEmpty else { return nil }
            return ConfidenceInterval.percentile(of: &values, confidence: confidence)
        }
        let empty = ConfidenceInterval(lower: 0, upper: 0, confidence: confidence)
        return Intervals(
            rewardDelta: interval(0) ?? empty,
            completionDelta: interval(1) ?? empty,
            stepsIncrease: interval(2) ?? empty,
            tokenIncreaseRatio: interval(3),
            costIncreaseRatio: interval(4),
            p95LatencyIncreaseRatio: metrics > 5 ? interval(5) : nil)
    }

    private func fill(chunk: Int, metrics: Int, into output: UnsafeSendableBuffer) {
        var generator = SeededGenerator(seed: seed, stream: UInt64(chunk))
        let count = cases.count
        guard count > 0 else { return }
        let first = chunk * Self.chunkSize
        let last = min(first + Self.chunkSize, resamples)
        var drawn = [Int](repeating: 0, count: latencies == nil ? 0 : count)
        cases.withUnsafeBufferPointer { sums in
            for resample in first..<last {
                var accumulator = PairedEstimates.Accumulator()
                for slot in 0..<count {
                    let index = generator.index(below: count)
                    accumulator.add(sums[index])
                    if !drawn.isEmpty { drawn[slot] = index }
                }
                let estimates = accumulator.estimates
                output[resample] = estimates.rewardDelta
                output[resamples + resample] = estimates.completionDelta
                output[2 * resamples + resample] = estimates.stepsIncrease
                output[3 * resamples + resample] = estimates.tokenIncreaseRatio ?? .nan
                output[4 * resamples + resample] = estimates.costIncreaseRatio ?? .nan
                if let latencies, metrics > 5 {
                    output[5 * resamples + resample] = Self.p95Ratio(latencies, drawn: drawn) ?? .nan
                }
            }
        }
    }

    /// p95 of the candidate's latencies over p95 of the baseline's, minus one.
    static func p95Ratio(_ latencies: [CaseLatencies], drawn: [Int]) -> Double? {
        var candidate: [Double] = []
        var baseline: [Double] = []
        for index in drawn {
            candidate.append(contentsOf: latencies[index].candidate)
            baseline.append(contentsOf: latencies[index].baseline)
        }
        candidate.sort()
        baseline.sort()
        let basePercentile = ConfidenceInterval.quantile(sorted: baseline, 0.95)
        guard basePercentile > 0 else { return nil }
        return ConfidenceInterval.quantile(sorted: candidate, 0.95) / basePercentile - 1
    }
}

/// A buffer written at disjoint indices by parallel chunks; each index has exactly one writer.
/// `@unchecked`: a raw pointer cannot be checked, and a lock per element would cost the
/// bootstrap its speed; disjoint writers inside `withUnsafeMutableBufferPointer` make it safe.
struct UnsafeSendableBuffer: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Double>

    init(_ base: UnsafeMutableBufferPointer<Double>) { self.base = base }

    subscript(index: Int) -> Double {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
