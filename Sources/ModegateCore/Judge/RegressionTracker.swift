import Foundation

/// The completion-regression gate's e-processes across looks.
struct RegressionTracker {
    var losses = 0
    var gains = 0
    var ties = 0
    /// `thresholds.completion_regression_tolerance`.
    let tolerance: Double
    var decidedAt: Int?
    var status: GateResult.Status = .inconclusive
    var looks = 0

    init(tolerance: Double) { self.tolerance = tolerance }

    mutating func look(_ look: Int, losses: Int, gains: Int, ties: Int, confidence: Double) {
        looks = look
        guard decidedAt == nil else { return }
        self.losses = losses
        self.gains = gains
        self.ties = ties
        let status = test.status(confidence: confidence)
        if status != .inconclusive {
            self.status = status
            decidedAt = look
        }
    }

    private var test: SequentialRegressionTest {
        SequentialRegressionTest(losses: losses, gains: gains, ties: ties, tolerance: tolerance)
    }

    func result(atEnd: Bool, pairs: Int, lookCases: [Int]) -> GateResult {
        let counts = "\(losses) losses vs \(gains) gains in \(losses + gains + ties) paired trials"
        let evidence = String(
            format: "e-values: %.3g for a regression, %.3g for one under the %.3g tolerance", exp(test.logFailEvidence),
            exp(test.logPassEvidence), tolerance)
        if let decidedAt {
            return GateResult(
                name: .completionRegressions, status: status, observed: Double(losses), threshold: 0, comparison: .atMost,
                detail: "decided at look \(decidedAt) of \(looks) (\(lookCases[decidedAt - 1]) cases): \(counts); \(evidence) (the bar is 1/(1 − confidence))",
                decidedAt: GateResult.DecidingLook(look: decidedAt, cases: lookCases[decidedAt - 1]))
        }
        if atEnd, losses <= gains {
            return GateResult(
                name: .completionRegressions, status: .pass, observed: Double(losses), threshold: 0, comparison: .atMost,
                detail: "\(counts) over \(pairs) paired trials at the end of the workload: no net completion regression (\(evidence))")
        }
        return GateResult(
            name: .completionRegressions, status: .inconclusive, observed: Double(losses), threshold: 0, comparison: .atMost,
            detail: "\(counts) after \(looks) looks: \(evidence), neither past the bar")
    }
}
