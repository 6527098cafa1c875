import Foundation
import ModegateCore
import ModegateProviders
import ModegateMCP

/// The candidate with `runtime: mcp`: the model drives an external Code Mode server (UTCP-style
/// `search_tools`/`tool_info`/`call_tool_chain`, toolplane-style
/// `search_capabilities`/`get_capability_schemas`/`execute_code`, or names the gate gives). The
/// model sees the server's role tools as the server lists them; every call goes to the server,
/// and is counted by role.
struct ExternalCodeModeStrategy {
    let server: MCPServerHandle
    let roles: CodeModeRoles
    let discovery: Bool

    func play(_ setup: TrialSetup, model: any ModelSession, meter: inout TrialMeter) async -> StrategyEnding {
        let connection: MCPConnection
        switch await server.lease() {
        case .failure(let error): return StrategyEnding(error: TrialError(category: .mcp, message: error.description))
        case .success(let lease):
            connection = lease.connection
            if let reason = lease.restart { meter.mcpRestarts.add(server.name, reason) }
        }
        let offered = Set([roles.execute] + (discovery ? [roles.search, roles.describe].compactMap { $0 } : []))
        return await ModelTurn(model: model, setup: setup).converse(
            system: setup.systemPrompt(), setup: setup, tools: server.tools.filter { offered.contains($0.name) }, meter: &meter
        ) { calls, meter in
            var replies: [(content: String, isError: Bool)] = []
            for call in calls {
                guard offered.contains(call.name) else {
                    replies.append(("unknown tool '\(call.name)'", true))
                    continue
                }
                switch call.name {
                case roles.execute: meter.codemodeChainCalls += 1
                case roles.search: meter.codemodeSearchCalls += 1
                default: meter.codemodeDiscoveryCalls += 1
                }
                meter.mcpToolCalls += 1
                let start = DispatchTime.now().uptimeNanoseconds
                let timed = setup.timeline.begin(call.name, arguments: call.arguments, callID: call.id, fromModel: true)
                let result = await connection.call(call.name, arguments: call.arguments)
                setup.timeline.end(timed, isError: result.trialError != nil || result.reply.isError,
                                   reply: result.trialError?.message ?? result.reply.text, server: server.name)
                meter.latency.sandbox += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                if let error = result.trialError { return .end(StrategyEnding(error: error)) }
                replies.append((result.reply.text, result.reply.isError))
            }
            return .replies(replies)
        }
    }
}
