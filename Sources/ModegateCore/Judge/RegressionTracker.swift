import Foundation

/// The completion-regression gate's e-processes across looks.
struct RegressionTracker {
    var losses = 0
    var gains = 0
    var decidedAt: Int?
    var status: GateResult.Status = .inconclusive
    var looks = 0

    mutating func look(_ look: Int, losses: Int, gains: Int, confidence: Double) {
        looks = look
        guard decidedAt == nil else { return }
        self.losses = losses
        self.gains = gains
        let status = SequentialRegressionTest(losses: losses, gains: gains).status(confidence: confidence)
        if status != .inconclusive {
            self.status = status
            decidedAt = look
        }
    }

    func result(atEnd: Bool, pairs: Int) -> GateResult {
        let test = SequentialRegressionTest(losses: losses, gains: gains)
        let counts = "\(losses) losses vs \(gains) gains"
        let evidence = String(format: "e-values: %.3g for a regression, %.3g against", exp(test.logFailEvidence), exp(test.logPassEvidence))
        if let decidedAt {
            return GateResult(
                name: .completionRegressions, status: status, observed: Double(losses), threshold: 0, comparison: .atMost,
                detail: "decided at look \(decidedAt) of \(looks): \(counts); \(evidence) (the bar is 1/(1 − confidence))")
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
