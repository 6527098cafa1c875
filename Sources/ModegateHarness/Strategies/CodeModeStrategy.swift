import Foundation
import ModegateCodeMode
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// The candidate: the model sees `run_code` (and with discovery `search_tools`/`tool_info`) and
/// writes a program that calls the tools; only what the program returns goes back to the model.
struct CodeModeStrategy {
    let programs: any ProgramRunner
    let limits: SandboxLimits
    let discovery: Bool
    /// How `run_code` presents the tools.
    var toolAPI: ToolAPI = .typescript

    func play(_ setup: TrialSetup, model: any ModelSession, meter: inout TrialMeter) async -> StrategyEnding {
        let suiteTools = setup.session.tools
        return await ModelTurn(model: model, setup: setup).converse(
            system: TrialSetup.systemCore + "\n" + Self.instructions, setup: setup,
            tools: CodeModeTools.descriptors(discovery: discovery, suiteTools: suiteTools, api: toolAPI), meter: &meter
        ) { calls, meter in
            var replies: [(content: String, isError: Bool)] = []
            for call in calls { replies.append(await answer(call, setup: setup, suiteTools: suiteTools, meter: &meter)) }
            return .replies(replies)
        }
    }

    static let instructions = """
        Use run_code to call the tools from a JavaScript program; the program's return value is \
        what you see.
        """

    private func answer(_ call: ModelToolCall, setup: TrialSetup, suiteTools: [ToolDescriptor], meter: inout TrialMeter)
        async -> (String, Bool)
    {
        switch call.name {
        case CodeModeTools.runCode:
            meter.codemodeChainCalls += 1
            guard let code = call.arguments["code"]?.stringValue else {
                return (#"{"error":{"kind":"arguments","message":"run_code needs a string 'code'"}}"#, true)
            }
            let run = await programs.run(code, tools: ToolSessionHandler(setup.session), limits: limits)
            meter.latency.sandbox += run.wallSeconds
            if case .guardrailBlocked = run.outcome { meter.codemodeGuardrailBlocked += 1 }
            let checks = ToolCallChecks(suiteTools)
            var calledUnknown = false
            for record in run.toolCalls where checks.count(record.name, arguments: record.arguments, into: &meter.counters) {
                calledUnknown = true
            }
            // `tools` holds only the suite's tools, so calling another throws before any call is made.
            if case .exception = run.outcome, let name = ToolCallChecks.missingTool(in: run.outcome.summary),
                !suiteTools.contains(where: { $0.name == name })
            {
                meter.unknownToolCalls += 1
                calledUnknown = true
            }
            if meter.codemodeChainCalls == 1, run.outcome.kind != "value" {
                meter.firstProgramFailure = calledUnknown ? "unknown_tool" : run.outcome.kind
            }
            return CodeModeTools.reply(to: run)
        case CodeModeTools.searchTools where discovery:
            meter.codemodeSearchCalls += 1
            return (CodeModeTools.search(call.arguments["query"]?.stringValue ?? "", in: suiteTools).jsonText, false)
        case CodeModeTools.toolInfo where discovery:
            meter.codemodeDiscoveryCalls += 1
            let name = call.arguments["name"]?.stringValue ?? ""
            guard let info = CodeModeTools.info(name, in: suiteTools) else { return ("no tool named '\(name)'", true) }
            return (info.jsonText, false)
        default:
            return ("unknown tool '\(call.name)'; use run_code", true)
        }
    }
}
