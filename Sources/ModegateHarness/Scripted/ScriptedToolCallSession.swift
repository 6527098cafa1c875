import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// Tool calling, scripted: the reference program runs in the sandbox, but its tool bridge calls
/// no tools; each wave becomes the model's tool calls for one turn, and the results the harness
/// appends resume the program. Every tool is called exactly once (plus retries of failures), by
/// the harness, as a real model's calls would be.
///
/// A case already played is replayed from `ScriptedTrajectories` while the results repeat; the
/// program only runs when they differ, and then it is fed every result already seen.
actor ScriptedToolCallSession: ModelSession {
    enum Event: Sendable {
        case wave([ToolInvocation], reply: @Sendable ([ToolResult]) -> Void)
        case finished(SandboxOutcome)
    }

    /// A wave of calls being answered: what came back so far, and how to resume the program
    /// (none yet when the wave was replayed and the program has not started).
    private struct OpenWave {
        var calls: [ToolInvocation]
        var results: [ToolResult?]
        var contents: [String?]
        var attempts: [Int]
        var reply: (@Sendable ([ToolResult]) -> Void)?
    }

    private enum Mode {
        case fresh
        case replaying(ScriptedTrajectories.Trajectory, wave: Int)
        case live
    }

    private let reference: String?
    private let toolNames: [String]
    private let programs: any ProgramRunner
    private let limits: SandboxLimits
    private let retries: Int
    private let trajectories: ScriptedTrajectories
    private let key: ScriptedTrajectories.Key?
    private let events = Mailbox<Event>()
    private var mode = Mode.fresh
    private var closed = false
    private var wave: OpenWave?
    /// Waves played before a replay diverged, fed to the program when it starts.
    private var played: [(calls: [ToolInvocation], results: [ToolResult])] = []
    /// This conversation's waves, while it can still become the case's recorded trajectory: a
    /// live run from the start in which every call succeeded at the first attempt.
    private var recording: [ScriptedTrajectories.Wave]? = []
    /// The model's call ids of the current turn, mapped to positions in the wave.
    private var outstanding: [String: Int] = [:]
    private var nextCallNumber = 0
    /// How its call ids start: each turn of a multi-turn conversation has its own.
    private let callPrefix: String

    init(
        reference: String?, key: ScriptedTrajectories.Key?, toolNames: [String], programs: any ProgramRunner,
        limits: SandboxLimits, retries: Int, trajectories: ScriptedTrajectories, callPrefix: String = "call_"
    ) {
        self.callPrefix = callPrefix
        self.reference = reference
        self.key = key
        self.toolNames = toolNames
        self.programs = programs
        self.limits = limits
        self.retries = retries
        self.trajectories = trajectories
    }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        guard let reference else {
            return ScriptedModel.respond(request, ChatMessage(role: .assistant, content: "This case has no reference program to replay."))
        }
        switch mode {
        case .fresh:
            if let key, let trajectory = trajectories.trajectory(for: key) {
                recording = nil
                return ScriptedModel.respond(request, replay(trajectory, from: 0))
            }
            mode = .live
            start(reference)
        case .replaying(let trajectory, let index):
            let recorded = trajectory.waves[index]
            let answered = collect(request.messages, count: recorded.calls.count)
            // Compared as text, so a repeated wave is never parsed.
            if answered.elementsEqual(recorded.contents, by: { $0?.isError == false && $0?.content == $1 }) {
                return ScriptedModel.respond(request, replay(trajectory, from: index + 1))
            }
            // The results differ: from here on the program decides, knowing what it has seen.
            mode = .live
            played = trajectory.waves[..<index].map { ($0.calls, $0.results) }
            wave = OpenWave(
                calls: recorded.calls, results: answered.map(Self.result), contents: answered.map { $0?.content },
                attempts: Array(repeating: 1, count: recorded.calls.count), reply: nil)
            if let message = settle(reference) { return ScriptedModel.respond(request, message) }
        case .live:
            if var current = wave {
                for (position, message) in collect(request.messages, count: current.calls.count).enumerated() {
                    guard let message else { continue }
                    current.results[position] = Self.result(message)
                    current.contents[position] = message.content
                }
                wave = current
                if let message = settle(reference) { return ScriptedModel.respond(request, message) }
            }
        }
        return ScriptedModel.respond(request, await nextTurn())
    }

    func close() async {
        closed = true
        if let reply = wave?.reply, let calls = wave?.calls {
            wave = nil
            reply(calls.map { _ in .failure("the conversation ended") })
        }
    }

    private func start(_ reference: String) {
        let events = self.events
        let handler = LockstepTools(events: events, toolNames: toolNames, played: PlayedWaves(played))
        Task { [programs, limits] in
            let run = await programs.run(reference, tools: handler, limits: limits)
            events.put(.finished(run.outcome))
        }
    }

    /// The recorded turn after `index` waves: the next wave's calls, or the final answer.
    private func replay(_ trajectory: ScriptedTrajectories.Trajectory, from index: Int) -> ChatMessage {
        guard index < trajectory.waves.count else {
            return ChatMessage(role: .assistant, content: trajectory.answer)
        }
        mode = .replaying(trajectory, wave: index)
        outstanding.removeAll()
        return ChatMessage(
            role: .assistant, content: "",
            toolCalls: trajectory.waves[index].calls.enumerated().map { call(for: $1, position: $0) })
    }

    /// The last turn's tool messages, by position in the wave (nil where none came back).
    private func collect(_ messages: [ChatMessage], count: Int) -> [ChatMessage?] {
        var answered = [ChatMessage?](repeating: nil, count: count)
        for message in messages.reversed() {
            guard message.role == .tool else { break }
            guard let id = message.toolCallID, let position = outstanding.removeValue(forKey: id) else { continue }
            answered[position] = message
        }
        outstanding.removeAll()
        return answered
    }

    /// A tool message as the program receives it.
    static func result(_ message: ChatMessage?) -> ToolResult {
        guard let message else { return .failure("the tool gave no result") }
        return message.isError ? .failure(message.content) : .success(value(message.content))
    }

    /// With the open wave's results in: a retry turn when failures remain to retry; otherwise the
    /// program is resumed (or started, fed what was played) and nil is returned.
    private func settle(_ reference: String) -> ChatMessage? {
        guard var current = wave else { return nil }
        var retry: [ModelToolCall] = []
        for (position, result) in current.results.enumerated() {
            guard case .failure? = result, current.attempts[position] <= retries else { continue }
            current.attempts[position] += 1
            retry.append(call(for: current.calls[position], position: position))
        }
        wave = current
        if !retry.isEmpty {
            recording = nil
            return ChatMessage(role: .assistant, content: "", toolCalls: retry)
        }
        wave = nil
        let results = current.results.map { $0 ?? .failure("the tool gave no result") }
        if recording != nil {
            let contents = current.contents.compactMap { $0 }
            if results.allSatisfy(\.isSuccess), contents.count == results.count {
                recording?.append(.init(calls: current.calls, contents: contents, results: results))
            } else {
                recording = nil
            }
        }
        if let reply = current.reply {
            reply(results)
        } else {
            played.append((current.calls, results))
            start(reference)
        }
        return nil
    }

    /// Waits for the program's next wave (the next turn's calls) or its end (the final answer).
    private func nextTurn() async -> ChatMessage {
        switch await events.next() {
        case .wave(let calls, let reply):
            if closed {
                reply(calls.map { _ in .failure("the conversation ended") })
                return ChatMessage(role: .assistant, content: "The conversation ended.")
            }
            wave = OpenWave(
                calls: calls, results: Array(repeating: nil, count: calls.count),
                contents: Array(repeating: nil, count: calls.count), attempts: Array(repeating: 1, count: calls.count),
                reply: reply)
            outstanding.removeAll()
            return ChatMessage(role: .assistant, content: "", toolCalls: calls.enumerated().map { call(for: $1, position: $0) })
        case .finished(let outcome):
            guard case .value(let value) = outcome else {
                return ChatMessage(role: .assistant, content: "I could not finish the task: \(outcome.summary)")
            }
            let answer = value.jsonText
            if let recording, let key { trajectories.record(.init(waves: recording, answer: answer), for: key) }
            return ChatMessage(role: .assistant, content: answer)
        case nil:
            // Not reached: the mailbox is never closed, so the program's next event always comes.
            return ChatMessage(role: .assistant, content: "The conversation ended.")
        }
    }

    private func call(for invocation: ToolInvocation, position: Int) -> ModelToolCall {
        nextCallNumber += 1
        let id = "\(callPrefix)\(nextCallNumber)"
        outstanding[id] = position
        return ModelToolCall(id: id, name: invocation.name, arguments: invocation.arguments)
    }

    /// A tool message's content as the program would have received it: JSON when it is JSON.
    static func value(_ content: String) -> JSONValue {
        (try? JSONValue.parse(content)) ?? .string(content)
    }
}
