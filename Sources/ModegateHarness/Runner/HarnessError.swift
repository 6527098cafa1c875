import ModegateCore

/// Why a gate run could not start or go on (exit 4). Each case carries what the message needs,
/// so callers and tests can tell failures apart without reading text.
public enum HarnessError: Error, Sendable, CustomStringConvertible {
    /// An MCP server the run needs could not be started, reached or listed.
    case mcpUnavailable(String)
    /// An arm's `mcp_server` is not an enabled server of `mcp.servers`.
    case armServerMissing(role: ArmRole, server: String)
    /// An arm's `mcp_servers` names a server that is not an enabled server of the gate.
    case addedServerMissing(role: ArmRole, server: String)
    /// An MCP server could not be started again mid-run; the finished trials are kept and
    /// `--resume STEM` plays the rest once it starts.
    case serverHalted(reason: String, resumeStem: String)
    /// A replay's recording lacks trials the gate plans: how many, and the first few.
    case replayIncomplete(missing: Int, examples: [String])
    /// A replayed run asked the model something its recording does not hold: how many requests,
    /// the first difference, and the runs that were kept.
    case replayMissed(count: Int, first: String, runs: [String])
    /// A case's `tools:` names tools its suite does not offer (known once the servers listed theirs).
    case caseToolsMissing(preset: String, caseID: String, suite: String, tools: [String])
    /// The sandbox cannot start a worker (its engine is missing or does not load).
    case sandboxUnavailable(String)

    /// The message, naming what failed and what to do.
    public var description: String {
        switch self {
        case .mcpUnavailable(let reason): reason
        case .armServerMissing(let role, let server): "the \(role)'s mcp_server '\(server)' is not an enabled server of mcp.servers"
        case .addedServerMissing(let role, let server):
            "the \(role)'s mcp_servers names '\(server)', which is not an enabled server of mcp.servers (is mcp.enabled false?)"
        case .serverHalted(let reason, let stem):
            "\(reason); the run stopped, its finished trials are kept: fix the server and finish with --resume \(stem)"
        case .replayIncomplete(let missing, let examples):
            "replay: the cassette has no recording of \(missing) trial(s) this gate plans (\(examples.joined(separator: "; ")))"
                + "; replay with the gate, limit and repetitions of the recorded run, or record them with a live run"
        case .replayMissed(let count, let first, let runs):
            "replay: \(count) request(s) did not match the recording; first: \(first). "
                + "The gate, the presets or the tools' answers changed since the recording; record again. "
                + "The replayed runs are kept: \(runs.joined(separator: ", "))"
        case .caseToolsMissing(let preset, let caseID, let suite, let tools):
            "case '\(caseID)' of preset '\(preset)' lists tools that suite '\(suite)' does not offer: "
                + "\(tools.joined(separator: ", ")); fix the case's tools: or the server"
        case .sandboxUnavailable(let reason): "the Code Mode sandbox cannot start: \(reason)"
        }
    }
}
