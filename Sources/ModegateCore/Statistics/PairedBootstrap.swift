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

    /// One bootstrap distribution per statistical gate, in the fields of `Intervals`; nil where no
    /// resample could form the figure (or latencies were not given).
    public struct Distributions: Sendable, Hashable {
        public var rewardDelta: BootstrapDistribution?
        public var completionDelta: BootstrapDistribution?
        public var stepsIncrease: BootstrapDistribution?
        public var tokenIncreaseRatio: BootstrapDistribution?
        public var costIncreaseRatio: BootstrapDistribution?
        public var p95LatencyIncreaseRatio: BootstrapDistribution?
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
        Self.intervals(distributions(), confidence: confidence)
    }

    /// Each gate's bootstrap distribution, in the order of `Distributions`' fields: what
    /// `intervals()` reads its bounds from, kept for p-values (Holm's correction across presets).
    public func distributions() -> Distributions {
        let statistic = GateStatistic(cases: cases, latencies: latencies)
        let values = Self.distributions(of: statistic, resamples: resamples, seed: seed)
        return Distributions(
            rewardDelta: values[0], completionDelta: values[1], stepsIncrease: values[2],
            tokenIncreaseRatio: values[3], costIncreaseRatio: values[4],
            p95LatencyIncreaseRatio: statistic.figureCount > 5 ? values[5] : nil)
    }

    /// The intervals at `confidence` of `distributions`.
    public static func intervals(_ distributions: Distributions, confidence: Double) -> Intervals {
        let empty = ConfidenceInterval(lower: 0, upper: 0, confidence: confidence)
        return Intervals(
            rewardDelta: distributions.rewardDelta?.interval(confidence: confidence) ?? empty,
            completionDelta: distributions.completionDelta?.interval(confidence: confidence) ?? empty,
            stepsIncrease: distributions.stepsIncrease?.interval(confidence: confidence) ?? empty,
            tokenIncreaseRatio: distributions.tokenIncreaseRatio?.interval(confidence: confidence),
            costIncreaseRatio: distributions.costIncreaseRatio?.interval(confidence: confidence),
            p95LatencyIncreaseRatio: distributions.p95LatencyIncreaseRatio?.interval(confidence: confidence))
    }

    /// The percentile interval of each figure of `statistic` over `resamples` draws of its cases;
    /// nil for a figure no resample could form. The same seed draws the same cases for any
    /// statistic, so intervals of different figures describe the same resamples.
    public static func intervals<Statistic: ResampledStatistic>(
        of statistic: Statistic, resamples: Int, confidence: Double, seed: UInt64
    ) -> [ConfidenceInterval?] {
        distributions(of: statistic, resamples: resamples, seed: seed).map { $0?.interval(confidence: confidence) }
    }

    /// The replicates of each figure of `statistic` over `resamples` draws of its cases; nil for a
    /// figure no resample could form.
    public static func distributions<Statistic: ResampledStatistic>(
        of statistic: Statistic, resamples: Int, seed: UInt64
    ) -> [BootstrapDistribution?] {
        let metrics = statistic.figureCount
        var replicates = [Double](repeating: .nan, count: metrics * resamples)
        let chunks = (resamples + chunkSize - 1) / chunkSize
        replicates.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                fill(chunk: chunk, of: statistic, resamples: resamples, seed: seed, into: output)
            }
        }
        return (0..<metrics).map { metric in
            BootstrapDistribution(replicates: Array(replicates[(metric * resamples)..<((metric + 1) * resamples)]))
        }
    }

    /// One chunk of resamples, from the chunk's own stream of the seed, into fixed slots.
    private static func fill<Statistic: ResampledStatistic>(
        chunk: Int, of statistic: Statistic, resamples: Int, seed: UInt64, into output: UnsafeSendableBuffer
    ) {
        var generator = SeededGenerator(seed: seed, stream: UInt64(chunk))
        let count = statistic.caseCount
        guard count > 0 else { return }
        let first = chunk * chunkSize
        let last = min(first + chunkSize, resamples)
        var drawn = [Int](repeating: 0, count: count)
        var figures = [Double](repeating: .nan, count: statistic.figureCount)
        for resample in first..<last {
            for slot in 0..<count { drawn[slot] = generator.index(below: count) }
            statistic.figures(drawn: drawn, into: &figures)
            for (metric, value) in figures.enumerated() { output[metric * resamples + resample] = value }
        }
    }

    /// The gates' figures of a resample: reward, completion and steps deltas, the token and cost
    /// increase ratios and, when latencies were given, the p95 latency increase ratio.
    struct GateStatistic: ResampledStatistic {
        var cases: [PairedCaseSums]
        var latencies: [CaseLatencies]?

        var caseCount: Int { cases.count }
        var figureCount: Int { latencies == nil ? 5 : 6 }

        func figures(drawn: [Int], into figures: inout [Double]) {
            var accumulator = PairedEstimates.Accumulator()
            for index in drawn { accumulator.add(cases[index]) }
            let estimates = accumulator.estimates
            figures[0] = estimates.rewardDelta
            figures[1] = estimates.completionDelta
            figures[2] = estimates.stepsIncrease
            figures[3] = estimates.tokenIncreaseRatio ?? .nan
            figures[4] = estimates.costIncreaseRatio ?? .nan
            if let latencies { figures[5] = PairedBootstrap.p95Ratio(latencies, drawn: drawn) ?? .nan }
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
