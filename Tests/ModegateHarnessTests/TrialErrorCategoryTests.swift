import Foundation
@testable import ModegateCore
@testable import ModegateHarness
import ModegateProviders
import ModegateSandbox
import Testing

/// Every error category is produced where it happens (issue 23, point 3): a trial that runs
/// out of steps names what it did not recover from — the last turn's failed tool calls
/// (`tool`), its last program's guardrail (`guardrail`) or nothing in particular (`model`) —
/// and a sandbox that fails under a program ends the trial as the sandbox's infrastructure
/// error, not the strategy's. With a model that never answers and fakes for tools and programs.
@Suite struct TrialErrorCategoryTests {
    /// A model that never gives a final answer: every turn calls `tool` with `arguments`.
    struct PersistentModel: ModelSession {
        let tool: String
        let arguments: JSONValue
        func complete(_ request: ModelRequest) async throws -> ModelResponse {
            let call = ModelToolCall(id: "call_\(request.messages.count)", name: tool, arguments: arguments)
            return ModelResponse(message: ChatMessage(role: .assistant, content: "", toolCalls: [call]),
                                 usage: TokenUsage(prompt: 1, completion: 1, estimated: true), stopReason: .toolUse)
        }
        func close() async {}
    }

    /// One tool that fails, or answers, as told.
    struct OneTool: ToolSession {
        let fails: Bool
        var tools: [ToolDescriptor] { [ToolDescriptor(name: "lookup", description: "", inputSchema: ["type": "object"])] }
        func call(_ name: String, arguments: JSONValue) async -> ToolReply {
            fails ? .failure("boom: the backend refused") : .value(["ok": true])
        }
        func finalState() async -> JSONValue? { nil }
    }

    /// Programs that all end in `outcome`.
    struct FixedPrograms: ProgramRunner {
        let outcome: SandboxOutcome
        func run(_ program: String, tools: any SandboxToolHandler, limits: SandboxLimits) async -> SandboxRun {
            SandboxRun(outcome: outcome)
        }
    }

    static func setup(_ session: some ToolSession, strategy: Strategy) -> TrialSetup {
        let tallied = TalliedSession(inner: session, tally: ToolTally())
        let testCase = PresetCase(id: "c", prompt: "Look it up.", answerSchema: ["type": "object"], expected: nil,
                                  scorer: .exact, params: [:], reference: nil)
        return TrialSetup(
            context: TrialContext(preset: "p", testCase: testCase, repetition: 0, strategy: strategy, tools: tallied.tools),
            session: tallied, maxSteps: 3, budget: BudgetGuard(plan: BudgetPlan()), modelName: "m")
    }

    static func toolCalling(failing: Bool) async -> (StrategyEnding, TrialMeter) {
        var meter = TrialMeter()
        let ending = await ToolCallStrategy().play(
            setup(OneTool(fails: failing), strategy: .toolCall), model: PersistentModel(tool: "lookup", arguments: [:]), meter: &meter)
        return (ending, meter)
    }

    static func codeMode(_ outcome: SandboxOutcome) async -> (StrategyEnding, TrialMeter) {
        var meter = TrialMeter()
        let strategy = CodeModeStrategy(programs: FixedPrograms(outcome: outcome), limits: SandboxLimits(), discovery: false)
        let ending = await strategy.play(
            setup(OneTool(fails: false), strategy: .codemode),
            model: PersistentModel(tool: "run_code", arguments: ["code": "return await tools.lookup({});"]), meter: &meter)
        return (ending, meter)
    }

    @Test func toolCallsThatKeepFailingAreATrialsToolError() async {
        let (ending, meter) = await Self.toolCalling(failing: true)
        #expect(ending.error?.category == .tool)
        #expect(ending.error?.message == "no final answer within max_steps (3 model requests); the last turn's tool calls failed: boom: the backend refused")
        #expect(meter.modelRequests == 3)
        let (working, _) = await Self.toolCalling(failing: false)
        #expect(working.error?.category == .model)
        #expect(working.error?.message == "no final answer within max_steps (3 model requests)")
    }

    @Test func aLastProgramsToolErrorOrGuardrailNamesTheCategory() async {
        let (tool, _) = await Self.codeMode(.toolError(tool: "lookup", message: "boom"))
        #expect(tool.error?.category == .tool)
        #expect(tool.error?.message.hasSuffix("the last program failed: tool lookup failed: boom") == true, "\(tool.error?.message ?? "")")
        let (guardrail, meter) = await Self.codeMode(.guardrailBlocked(reason: "tool 'lookup' is denied"))
        #expect(guardrail.error?.category == .guardrail)
        #expect(guardrail.error?.message.hasSuffix("the last program was blocked by a guardrail: tool 'lookup' is denied") == true,
                "\(guardrail.error?.message ?? "")")
        #expect(meter.codemodeGuardrailBlocked == 3)
        let (exception, _) = await Self.codeMode(.exception(name: "TypeError", message: "x is undefined", stack: ""))
        #expect(exception.error?.category == .model)
        // Neither is the infrastructure's: they count against completion only.
        #expect(!TrialError.Category.tool.isInfrastructure && !TrialError.Category.guardrail.isInfrastructure)
    }

    @Test func aSandboxThatFailsUnderAProgramEndsTheTrialAsASandboxError() async {
        let (ending, meter) = await Self.codeMode(.workerFailure("the sandbox worker exited with status 139"))
        #expect(ending.error?.category == .sandbox)
        #expect(ending.error?.message == "the sandbox failed: the sandbox worker exited with status 139")
        // The model is not asked again after the sandbox broke.
        #expect(meter.modelRequests == 1)
        #expect(TrialError.Category.sandbox.isInfrastructure && TrialError.Category.timeout.isInfrastructure)
    }
}
