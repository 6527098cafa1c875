import Foundation

/// The top of `summary.json` that listing and judging need; decoding just these fields skips
/// building the per-trial `case_results` of a large run.
struct RunSummaryHeader: Decodable, Sendable {
    var totalCases: Int
    var completedCases: Int
    var attemptedCases: Int
    var avgReward: Double
    var avgSteps: Double
    var cancelled: Bool
    var cancelReason: String?
    var finishedAt: Date?
    var mcpRestarts: [String: Int]?
    var mcpRestartReasons: [String: [String: Int]]?
    var adoption: CodeModeAdoption?
    var serverAdoption: [String: ServerAdoptionTotals]?
    var toolWarnings: [String]?
    var provenance: RunProvenance?
    var tokensEstimated: Bool?

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases", attemptedCases = "attempted_cases"
        case avgReward = "avg_reward", avgSteps = "avg_steps", cancelled, cancelReason = "cancel_reason"
        case finishedAt = "finished_at", mcpRestarts = "mcp_restarts", adoption, serverAdoption = "server_adoption"
        case mcpRestartReasons = "mcp_restart_reasons", toolWarnings = "tool_warnings"
        case provenance
        case tokensEstimated = "tokens_estimated"
    }

    init(_ summary: RunSummary) {
        totalCases = summary.totalCases
        completedCases = summary.completedCases
        attemptedCases = summary.attemptedCases
        avgReward = summary.avgReward
        avgSteps = summary.avgSteps
        cancelled = summary.cancelled
        cancelReason = summary.cancelReason
        finishedAt = summary.finishedAt
        mcpRestarts = summary.mcpRestarts
        mcpRestartReasons = summary.mcpRestartReasons
        adoption = summary.adoption
        serverAdoption = summary.serverAdoption
        toolWarnings = summary.toolWarnings
        provenance = summary.provenance
        tokensEstimated = summary.tokensEstimated
    }

    var metrics: RunMetrics {
        RunMetrics(
            totalCases: totalCases, completedCases: completedCases, attemptedCases: attemptedCases,
            avgReward: avgReward, avgSteps: avgSteps)
    }
}
