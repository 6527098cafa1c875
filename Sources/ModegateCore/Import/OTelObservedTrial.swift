import Foundation

/// What one agent invocation's spans say about its trial, before the case's repetition and
/// score are settled: the counters, the tool calls in issue order, the model requests, and
/// what the spans name (case, repetition, reward, completion, error).
struct OTelObservedTrial {
    /// The `invoke_agent` span.
    var root: OTLPSpan
    var caseID: String?
    var repetition: Int?
    var reward: Double?
    var completed: Bool?
    var counters = TrialCounters()
    var calls: [ToolCallTrace] = []
    var exchanges: [ModelExchange] = []
    /// MCP servers its tool calls reached.
    var servers: Set<String> = []
    /// The model that answered (`gen_ai.response.model`, else the requested one).
    var model: String?
    /// `gen_ai.provider.name` (or the older `gen_ai.system`).
    var provider: String?
    var firstProgramFailure: String?
    var error: TrialError?
    /// Problems with this trial's attributes, as diagnostics at its `invoke_agent` span.
    var diagnostics: [Diagnostic] = []
    /// Chat spans that reported no `gen_ai.usage.*`.
    var chatsWithoutUsage = 0

    func diagnostic(_ message: String) -> Diagnostic {
        Diagnostic(file: root.place.file, line: root.place.line, column: 0, message: message)
    }

    /// The trial as `trial CASE/REP` or the span, for messages.
    var label: String {
        "the invoke_agent span '\(root.name)' (span \(root.spanID) of trace \(root.traceID))"
    }
}
