import ModegateCore

/// Where `--trace` sends each trial's spans as the trial is recorded: a file, or an OTLP/HTTP
/// receiver. Exporting never holds up or fails the gate: a receiver that is down, slow or
/// refusing loses spans, which the summary counts and says why.
public protocol TraceExporter: Sendable {
    /// Takes one trial's spans and returns at once.
    func export(_ spans: [TraceSpan])
    /// Sends or writes what is left, waiting at most `seconds`, and says what became of every span.
    func finish(within seconds: Double) async -> TraceExportSummary
}

/// What became of a run's spans, for the line `--trace` prints at the end.
public struct TraceExportSummary: Sendable, Hashable {
    /// `traces.jsonl`, `http://127.0.0.1:6006/v1/traces`.
    public var destination: String
    public var trials = 0
    public var spans = 0
    /// Spans that never reached the destination.
    public var lost = 0
    /// The first reason spans were lost.
    public var failure: String?

    public init(destination: String) {
        self.destination = destination
    }

    /// `trace: 12 trials (61 spans) sent to …`, with what was lost and why.
    public var line: String {
        let verb = destination.hasPrefix("http") ? "sent to" : "written to"
        var line = "trace: \(trials) trials (\(spans - lost) spans) \(verb) \(destination)"
        if lost > 0 { line += "; \(lost) spans lost: \(failure ?? "unknown reason")" }
        return line
    }
}
