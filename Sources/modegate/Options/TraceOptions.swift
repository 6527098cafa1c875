import ArgumentParser
import Foundation
import ModegateHarness

/// `--trace otlp:PATH | otlp-http:URL`: every recorded trial as OpenTelemetry GenAI spans.
struct TraceOptions: ParsableArguments {
    @Option(
        name: .customLong("trace"),
        help: ArgumentHelp(
            "Export each trial as OpenTelemetry GenAI spans: OTLP JSON lines appended to PATH, or OTLP/HTTP to a receiver (Phoenix, the Collector, Jaeger, Tempo; headers from OTEL_EXPORTER_OTLP_HEADERS).",
            valueName: "otlp:PATH|otlp-http:URL"))
    var trace: String?

    func validate() throws {
        guard let trace else { return }
        do {
            _ = try TraceDestination(parsing: trace)
        } catch let problem as TraceDestination.Problem {
            throw ValidationError(problem.description)
        }
    }

    /// The exporter `--trace` names, nil without one; exit 3 for a file that cannot be opened.
    func exporter(_ workspace: Workspace) throws -> (any TraceExporter)? {
        guard let trace else { return nil }
        do {
            return try TraceDestination(parsing: trace).exporter(
                relativeTo: workspace.directory, environment: workspace.environment, version: Modegate.version,
                warn: { Console.error("modegate: \($0)") })
        } catch let problem as TraceDestination.Problem {
            throw InputError(problem.description)
        }
    }

    /// Waits for the spans still on their way (at most `MODEGATE_TRACE_FLUSH_SECONDS`, 10 s by
    /// default; at most half a second after the run stopped on an error or a signal, inside SIGINT's
    /// grace) and says where they went and what was lost.
    static func finish(_ exporter: (any TraceExporter)?, _ workspace: Workspace, stopped: Bool = false) async {
        guard let exporter else { return }
        var seconds = workspace.environment["MODEGATE_TRACE_FLUSH_SECONDS"].flatMap(Double.init).map { max(0, $0) } ?? 10
        if stopped { seconds = min(seconds, 0.5) }
        let summary = await exporter.finish(within: seconds)
        Console.error("modegate: \(summary.line)")
    }
}
