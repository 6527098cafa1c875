import Foundation
import ModegateCore

/// The sweep as a terminal table per preset: both arms' costs and reward at each shape, the
/// token ratio with its interval, then a sentence per crossover.
public struct SweepTextRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The table, ending in a newline.
    public func render(_ report: SweepReport) -> String {
        var lines = ["sweep \(report.gate) (\(report.gateName)): \(report.baselineStrategy) (baseline) vs \(report.candidateStrategy) (candidate), "
            + "model \(report.model)\(report.tokensEstimated ? " (tokens estimated)" : ""); \(report.casesPerShape) cases × \(report.repetitions) repetitions per shape, "
            + String(format: "%.0f%% intervals", report.confidence * 100)]
        for sweep in report.presets {
            lines += ["", "\(sweep.preset): \(sweep.mapping)"]
            var rows = [["shape", "fan-out", "tokens b/c", "token ratio", "requests b/c", "request ratio", "visible bytes b/c", "p50 b/c", "reward b/c"]]
            for point in sweep.points {
                func pair(_ metric: SweepMetric) -> String {
                    guard let figure = point.figure(metric) else { return "n/a" }
                    return SweepWording.value(metric, figure.baseline.value) + " / " + SweepWording.value(metric, figure.candidate.value)
                }
                rows.append([
                    point.shape, String(point.fanOut), pair(.tokens), point.figure(.tokens).map { SweepWording.ratio($0.comparison) } ?? "n/a",
                    pair(.modelRequests), point.figure(.modelRequests).map { SweepWording.ratio($0.comparison) } ?? "n/a",
                    pair(.modelVisibleToolBytes), pair(.latencyP50), pair(.reward),
                ])
            }
            lines.append(TextTable(rows: rows).rendered)
            for crossover in sweep.crossovers {
                lines.append("crossover (\(SweepWording.noun(crossover.metric))): " + SweepWording.crossover(crossover, in: sweep, confidence: report.confidence))
            }
        }
        for warning in report.warnings { lines.append("warning: \(warning)") }
        for skipped in report.skippedPresets { lines.append("skipped: \(skipped.reason)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
