import Foundation
import ModegateCore
import ModegateMCP
import ModegateProviders
import ModegateSandbox

/// Plays one trial end to end and returns its record: fresh tools, a model session, the arm's
/// strategy, answer parsing and schema check, scoring.
struct TrialRunner: Sendable {
    /// The model of each arm the run plays.
    let models: [ArmRole: ModelSelection]
    let sandbox: Sandbox
    let budget: BudgetGuard
    /// The prices of each arm's model; an arm without is not costed.
    var pricing: [ArmRole: ModelPlan.Pricing] = [:]
    let faults: [String: ToolsPlan.Faults]
    /// Checks replies against the tools' output schemas, for the run's warnings.
    var conformance: OutputConformance?
    /// Arms whose Code Mode runs on an external MCP server.
    var externalRuntimes: [ArmRole: ExternalCodeModeStrategy] = [:]
    /// Per arm, the gate's MCP servers it is offered besides its cases' suites (`mcp_servers`).
    var addedSources: [ArmRole: [MCPServerSuite]] = [:]
    /// The environment's monotonic clock, in seconds: a trial's `latency.total`.
    var uptime: @Sendable () -> Double = BudgetGuard.systemUptime

    /// Leases a sandbox worker for trials that run programs and plays the trial on that worker's
    /// host thread, so the program, the strategy and the tools talk without crossing threads. A
    /// worker that cannot be had makes the trial a `sandbox` infrastructure error, unplayed.
    func play(_ spec: TrialSpec, runID: String) async -> PlayedTrial {
        let memory = spec.arm.strategy == .codemode ? spec.arm.limits.memoryMB : model(for: spec).programMemoryMB
        guard let memory else { return await play(spec, runID: runID, programs: sandbox) }
        let lease: SandboxLease
        do {
            lease = try await sandbox.lease(memoryMB: memory)
        } catch {
            let failure = Task.isCancelled
                ? TrialError(category: .cancelled, message: "the run was interrupted")
                : TrialError(category: .sandbox, message: "no sandbox worker could be started for this trial: \(error)")
            return unplayed(spec, runID: runID, error: failure)
        }
        let played = await withTaskExecutorPreference(lease.executor) {
            await play(spec, runID: runID, programs: lease)
        }
        await lease.release()
        return played
    }

    /// The model `spec`'s arm plays with.
    func model(for spec: TrialSpec) -> ModelSelection {
        // The run prepared one for every arm it plays.
        models[spec.arm.role] ?? models.values.first!
    }

    private func play(_ spec: TrialSpec, runID: String, programs: any ProgramRunner) async -> PlayedTrial {
        let model = model(for: spec)
        let started = Date()
        let began = uptime()
        let timeline = TrialTimeline(clock: uptime)
        let workload = spec.workloadCase
        // The harness calls setup and checker tools on the session itself; the arms get it with
        // faults injected and those tools hidden.
        let trial = "\(runID)/\(workload.preset)/\(workload.testCase.id)/\(spec.repetition)"
        let base: any ToolSession = workload.suite.makeSession(params: workload.testCase.params, arm: spec.arm.role, trial: trial)
        var session = base
        if let fault = faults[workload.suite.name] {
            session = FaultySession(session, plan: fault, trialSeed: Self.trialSeed(spec))
        }
        if !workload.harnessTools.isEmpty || workload.testCase.tools != nil {
            session = CaseToolsSession(inner: session, harness: workload.harnessTools, offered: workload.testCase.tools.map(Set.init))
        }
        var added: AddedToolsSession?
        if let sources = addedSources[spec.arm.role], !sources.isEmpty {
            let joined = AddedToolsSession(
                primary: session, added: sources.map { ($0.name, $0.makeSession(params: .null, arm: spec.arm.role, trial: trial)) })
            added = joined
            session = joined
        }
        let tally = ToolTally(clock: uptime)
        let tallied = TalliedSession(inner: session, tally: tally, conformance: conformance, timeline: timeline)
        let context = TrialContext(
            preset: workload.preset, testCase: workload.testCase, repetition: spec.repetition,
            strategy: spec.arm.strategy, arm: spec.arm.role, tools: tallied.tools)
        var setup = TrialSetup(
            context: context, session: tallied, maxSteps: spec.arm.maxSteps, budget: budget, modelName: model.model.modelName,
            instructions: spec.arm.instructions, pricing: pricing[spec.arm.role])
        // A multi-turn case's turns are scored as they end, on the state each one left.
        let early = TurnVerdicts()
        if !workload.testCase.followUps.isEmpty {
            setup.turnEnded = { [self] index, text in
                let spec = Self.turnSpecs(workload)[index]
                early.store(index, await judge(
                    finalText: text, error: nil, schema: spec.schema, scorer: spec.scorer, expected: spec.expected,
                    expectedState: nil, session: base, turn: index + 1))
            }
        }
        let conversation = model.session(for: context, programs: programs)
        var meter = TrialMeter()
        var ending = StrategyEnding()
        if let setupCall = workload.testCase.setup, let failure = await Self.setUp(setupCall, on: base, overMCP: workload.suite.overMCP) {
            ending.error = failure
        } else {
        switch spec.arm.strategy {
        case .toolCall: ending = await ToolCallStrategy().play(setup, model: conversation, meter: &meter)
        case .codemode:
            if let external = externalRuntimes[spec.arm.role] {
                ending = await external.play(setup, model: conversation, meter: &meter)
            } else {
                ending = await CodeModeStrategy(
                    programs: programs, limits: spec.arm.limits, discovery: spec.arm.discovery, toolAPI: spec.arm.toolAPI)
                    .play(setup, model: conversation, meter: &meter)
            }
        }
        }
        await conversation.close()
        meter.add(tally.current)
        // Each call's server: an added server's tools, or every tool of an MCP suite.
        let suiteServer = workload.suite.overMCP ? workload.suite.mcpServerName : nil
        let calls = tally.calls.map { call -> ToolCallTrace in
            var call = call
            call.server = added?.server(of: call.name) ?? suiteServer
            return call
        }
        if workload.suite.overMCP {
            meter.mcpToolCalls += meter.toolCalls
        } else {
            meter.mcpToolCalls += calls.filter { $0.server != nil }.count
        }
        var verdict: AnswerVerdict
        var turns: [TurnResult]?
        if workload.testCase.followUps.isEmpty {
            verdict = await judgeAnswer(ending, workload: workload, session: base)
        } else {
            let judged = await judgeTurns(ending, workload: workload, meter: meter, session: base, early: early)
            verdict = judged.0
            turns = judged.1
        }
        if let failure = await session.infrastructureFailure() {
            // The tools' server failed under the trial: the strategy is not to blame.
            verdict.completed = false
            verdict.reward = 0
            verdict.error = failure
        }
        var restarts = meter.mcpRestarts
        restarts.add(await session.serverRestarts())
        await session.close()
        // An interrupted trial fails in whatever way the interruption reached it first (a
        // cancelled tool call, an unfinished answer); it is recorded as cancelled, so --resume
        // plays it again.
        if Task.isCancelled, !verdict.completed {
            verdict.error = TrialError(category: .cancelled, message: "the run was interrupted")
        }
        let total = uptime() - began
        let offered = Set((added?.servers ?? []) + [suiteServer].compactMap { $0 })
        var counters = meter.counters
        counters.latency.total = total
        // A replay is judged on the recorded run's times: measured again, its latency gates
        // would judge this machine's tools and sandbox rather than what was recorded.
        if let recorded = conversation.recordedLatency { counters.latency = recorded }
        let transcript = TrialTranscript(
            runID: runID, arm: spec.arm.role, preset: workload.preset, caseID: workload.testCase.id, repetition: spec.repetition,
            strategy: spec.arm.strategy, provider: model.provider.rawValue, format: model.model.transcriptFormat, model: model.model.modelName,
            exchanges: meter.exchanges, toolCalls: externalRuntimes[spec.arm.role] == nil ? calls : nil,
            latency: counters.latency)
        var record = TrialRecord(
            runID: runID, preset: workload.preset, caseID: workload.testCase.id, repetition: spec.repetition,
            strategy: spec.arm.strategy, completed: verdict.completed, reward: verdict.reward, scoreDetail: verdict.detail,
            finalAnswer: verdict.answer, steps: counters.modelRequests, counters: counters,
            tokensEstimated: meter.tokensEstimated, cost: meter.cost(pricing[spec.arm.role]), error: verdict.error,
            firstProgramFailure: meter.firstProgramFailure,
            startedAt: started, finishedAt: Date())
        record.restarts = restarts
        record.turns = turns
        if !offered.isEmpty, externalRuntimes[spec.arm.role] == nil {
            record.serverAdoption = ServerAdoption.of(servers: offered, calls: calls, modelRequests: counters.modelRequests)
        }
        let events = timeline.events(startedAt: Self.unixNanos(started)) { added?.server(of: $0) ?? suiteServer }
        return PlayedTrial(record: record, transcript: transcript, events: events)
    }

    static func unixNanos(_ date: Date) -> UInt64 {
        UInt64(max(0, date.timeIntervalSince1970 * 1e9))
    }

    struct AnswerVerdict: Sendable {
        var completed = false
        var reward = 0.0
        var detail: JSONValue?
        var answer: JSONValue?
        var error: TrialError?
    }

    /// A trial completes when the model delivered a schema-valid final answer without an error;
    /// only then is it scored.
    private func judgeAnswer(_ ending: StrategyEnding, workload: WorkloadCase, session: any ToolSession) async -> AnswerVerdict {
        await judge(
            finalText: ending.finalText, error: ending.error, schema: workload.testCase.answerSchema, scorer: workload.testCase.scorer,
            expected: workload.expected, expectedState: workload.expectedState, session: session, turn: 1)
    }

    /// The case's setup call on the trial's own session; the failure that ends the trial before
    /// its first turn when the call fails (the server's, so an infrastructure error over MCP).
    static func setUp(_ call: CaseSetup, on session: any ToolSession, overMCP: Bool) async -> TrialError? {
        let reply = await session.call(call.tool, arguments: call.arguments)
        guard reply.isError else { return nil }
        if let failure = await session.infrastructureFailure() { return failure }
        return TrialError(category: overMCP ? .mcp : .tool, message: "the case's setup call \(call.tool) failed: \(String(reply.text.prefix(300)))")
    }

    /// A checker tool's verdict on `answer`: its arguments plus the answer and the turn; the
    /// reply is a reward in [0, 1], as a number or as `{reward, detail}`.
    static func check(
        _ answer: JSONValue, tool: String, arguments: JSONValue, turn: Int, on session: any ToolSession
    ) async -> (reward: Double, detail: JSONValue?, error: TrialError?) {
        var members = arguments.objectValue ?? [:]
        if members["answer"] == nil { members["answer"] = answer }
        if members["turn"] == nil { members["turn"] = .number(Double(turn)) }
        let reply = await session.call(tool, arguments: .object(members))
        if reply.isError {
            let failure = await session.infrastructureFailure()
                ?? TrialError(category: .mcp, message: "the checker \(tool) failed: \(String(reply.text.prefix(300)))")
            return (0, nil, failure)
        }
        let value = reply.programValue
        guard let reward = value.doubleValue ?? value["reward"]?.doubleValue, reward.isFinite else {
            return (0, nil, TrialError(category: .mcp, message: "the checker \(tool) answered no reward (a number, or {reward, detail}): \(String(reply.text.prefix(200)))"))
        }
        return (min(max(reward, 0), 1), value["detail"] ?? (value.doubleValue == nil ? value : nil), nil)
    }

    /// One answer against its schema and scorer; a nil scorer (a follow-up turn with nothing
    /// expected) gives reward 1 to any schema-valid answer.
    private func judge(
        finalText: String?, error: TrialError?, schema: JSONValue, scorer: ScorerSpec?, expected: JSONValue?,
        expectedState: JSONValue?, session: any ToolSession, turn: Int
    ) async -> AnswerVerdict {
        var verdict = AnswerVerdict()
        if let error {
            verdict.error = error
            return verdict
        }
        guard let text = finalText, let answer = FinalAnswer.parse(text, schema: schema) else {
            verdict.error = TrialError(category: .answer, message: "the final message is not JSON: \(String((finalText ?? "").prefix(200)))")
            return verdict
        }
        verdict.answer = answer
        if let problem = AnswerSchema(schema).problem(with: answer) {
            verdict.error = TrialError(category: .answer, message: "the answer does not match its schema: \(problem)")
            return verdict
        }
        verdict.completed = true
        guard let scorer else {
            verdict.reward = 1
            return verdict
        }
        if case .mcp(let tool, let arguments) = scorer {
            let checked = await Self.check(answer, tool: tool, arguments: arguments, turn: turn, on: session)
            verdict.reward = checked.reward
            verdict.detail = checked.detail
            if let error = checked.error {
                verdict.completed = false
                verdict.error = error
            }
            return verdict
        }
        let finalState = expectedState == nil ? nil : await session.finalState()
        if let expected, let score = Scoring.score(scorer, answer: answer, expected: expected, finalState: finalState, expectedState: expectedState) {
            verdict.reward = score.reward
            verdict.detail = score.detail
        } else if case .js(let program) = scorer {
            (verdict.reward, verdict.detail) = await JavaScriptScorer(sandbox: sandbox)
                .score(program: program, answer: answer, expected: expected ?? .null)
        }
        return verdict
    }

    /// A multi-turn case: each turn judged on its own answer, the turns the conversation never
    /// reached failed as such. The trial completes when every turn did; its reward is their mean,
    /// its answer the last turn's, its error the first turn's that failed.
    private func judgeTurns(
        _ ending: StrategyEnding, workload: WorkloadCase, meter: TrialMeter, session: any ToolSession, early: TurnVerdicts
    ) async -> (AnswerVerdict, [TurnResult]) {
        let specs = Self.turnSpecs(workload)
        let answered = ending.answeredTurns
        var results: [TurnResult] = []
        var before = (requests: 0, prompt: 0, completion: 0)
        var last = AnswerVerdict()
        for (index, spec) in specs.enumerated() {
            let verdict: AnswerVerdict
            var after = before
            if index < answered.count {
                if let scored = early.verdict(index) {
                    verdict = scored
                } else {
                    verdict = await judge(finalText: answered[index].text, error: nil, schema: spec.schema, scorer: spec.scorer,
                                          expected: spec.expected, expectedState: nil, session: session, turn: index + 1)
                }
                after = (answered[index].modelRequests, answered[index].promptTokens, answered[index].completionTokens)
            } else if index == answered.count {
                verdict = await judge(finalText: ending.finalText, error: ending.error, schema: spec.schema, scorer: spec.scorer,
                                      expected: spec.expected, expectedState: nil, session: session, turn: index + 1)
                after = (meter.modelRequests, meter.promptTokens, meter.completionTokens)
            } else {
                var unreached = AnswerVerdict()
                unreached.error = TrialError(
                    category: ending.error?.category ?? .model, message: "not reached: the conversation ended in turn \(answered.count + 1)")
                verdict = unreached
            }
            results.append(TurnResult(
                turn: index + 1, completed: verdict.completed, reward: verdict.reward, scoreDetail: verdict.detail,
                finalAnswer: verdict.answer, steps: after.requests - before.requests, promptTokens: after.prompt - before.prompt,
                completionTokens: after.completion - before.completion, error: verdict.error))
            before = after
            last = verdict
        }
        var trial = AnswerVerdict()
        trial.completed = results.allSatisfy(\.completed)
        trial.reward = results.map(\.reward).reduce(0, +) / Double(results.count)
        trial.answer = last.answer
        trial.detail = ["turn_rewards": .array(results.map { .number($0.reward) })]
        if let failed = results.first(where: { $0.error != nil }), let error = failed.error {
            trial.error = TrialError(category: error.category, message: "turn \(failed.turn): \(error.message)")
        }
        return (trial, results)
    }

    /// Each turn's answer schema, scorer and expected answer: the case's own first.
    static func turnSpecs(_ workload: WorkloadCase) -> [(schema: JSONValue, scorer: ScorerSpec?, expected: JSONValue?)] {
        let testCase = workload.testCase
        return [(testCase.answerSchema, testCase.scorer, workload.expected)]
            + testCase.followUps.map { ($0.answerSchema, $0.scorer, $0.expected) }
    }

    /// Distinct per trial and arm, so fault draws differ between trials but repeat across runs.
    static func trialSeed(_ spec: TrialSpec) -> UInt64 {
        FNV1a.hash("\(spec.key)|\(spec.arm.strategy.rawValue)")
    }
}
