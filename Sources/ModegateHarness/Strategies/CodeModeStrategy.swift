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
            system: setup.systemPrompt(adding: Self.instructions), setup: setup,
            tools: CodeModeTools.descriptors(discovery: discovery, suiteTools: suiteTools, api: toolAPI), meter: &meter
        ) { calls, meter in
            var replies: [(content: String, isError: Bool)] = []
            meter.lastStepFailure = nil
            for call in calls {
                let timed = setup.timeline.begin(call.name, arguments: call.arguments, callID: call.id, fromModel: true)
                if call.name == CodeModeTools.runCode { setup.timeline.enterProgram(timed) }
                let answered = await answer(call, setup: setup, suiteTools: suiteTools, meter: &meter)
                setup.timeline.leaveProgram()
                switch answered {
                case .reply(let content, let isError):
                    setup.timeline.end(timed, isError: isError, reply: content)
                    replies.append((content, isError))
                case .end(let error):
                    setup.timeline.end(timed, isError: true, reply: error.message)
                    return .end(StrategyEnding(error: error))
                }
            }
            return .replies(replies)
        }
    }

    static let instructions = """
        Use run_code to call the tools from a JavaScript program; the program's return value is \
        what you see.
        """

    /// What one of the model's calls comes to: a reply, or the trial's end (the sandbox itself failed).
    private enum Answer {
        case reply(String, Bool)
        case end(TrialError)
    }

    private func answer(_ call: ModelToolCall, setup: TrialSetup, suiteTools: [ToolDescriptor], meter: inout TrialMeter)
        async -> Answer
    {
        switch call.name {
        case CodeModeTools.runCode:
            meter.codemodeChainCalls += 1
            guard let code = call.arguments["code"]?.stringValue else {
                return .reply(#"{"error":{"kind":"arguments","message":"run_code needs a string 'code'"}}"#, true)
            }
            let run = await programs.run(code, tools: ToolSessionHandler(setup.session), limits: limits)
            meter.latency.sandbox += run.wallSeconds
            switch run.outcome {
            // Not the program's doing: the trial is the sandbox's infrastructure error.
            case .workerFailure(let message): return .end(TrialError(category: .sandbox, message: "the sandbox failed: \(message)"))
            case .guardrailBlocked:
                meter.codemodeGuardrailBlocked += 1
                meter.lastStepFailure = TrialError(category: .guardrail, message: "the last program was \(run.outcome.summary)")
            case .toolError:
                meter.lastStepFailure = TrialError(category: .tool, message: "the last program failed: \(run.outcome.summary)")
            default: break
            }
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
            let reply = CodeModeTools.reply(to: run)
            return .reply(reply.content, reply.isError)
        case CodeModeTools.searchTools where discovery:
            meter.codemodeSearchCalls += 1
            return .reply(CodeModeTools.search(call.arguments["query"]?.stringValue ?? "", in: suiteTools).jsonText, false)
        case CodeModeTools.toolInfo where discovery:
            meter.codemodeDiscoveryCalls += 1
            let name = call.arguments["name"]?.stringValue ?? ""
            guard let info = CodeModeTools.info(name, in: suiteTools) else { return .reply("no tool named '\(name)'", true) }
            return .reply(info.jsonText, false)
        default:
            return .reply("unknown tool '\(call.name)'; use run_code", true)
        }
    }
}
