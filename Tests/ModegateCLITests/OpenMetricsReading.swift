import Foundation
import Testing

/// An OpenMetrics file as two real readers see it (Fixtures/openmetrics_read.py):
/// prometheus_client's strict parser, and GitLab's metrics-report rule.
struct OpenMetricsReading {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// Family name → its type and samples, as the OpenMetrics parser found them.
    var families: [String: (type: String, samples: [Sample])]
    /// Metric name (labels unquoted) → value text, as GitLab's merge request widget keys them.
    var gitlab: [String: String]

    static func read(_ file: URL, python: String) async throws -> OpenMetricsReading {
        let script = ModegateBinary.repository.appendingPathComponent("Tests/ModegateCLITests/Fixtures/openmetrics_read.py").path
        let run = try await ModegateBinary.run([script, file.path], in: file.deletingLastPathComponent(), executable: python)
        #expect(run.status == 0, "the OpenMetrics parser refused \(file.lastPathComponent): \(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        var families: [String: (type: String, samples: [Sample])] = [:]
        for (name, value) in object["families"] as? [String: [String: Any]] ?? [:] {
            let samples = (value["samples"] as? [[String: Any]] ?? []).map {
                Sample(name: $0["name"] as? String ?? "", labels: $0["labels"] as? [String: String] ?? [:],
                       value: ($0["value"] as? Double) ?? ($0["value"] as? Int).map(Double.init) ?? .nan)
            }
            families[name] = (value["type"] as? String ?? "", samples)
        }
        return OpenMetricsReading(families: families, gitlab: object["gitlab"] as? [String: String] ?? [:])
    }
}
