import Foundation
import ModegateCore
import ModegateSandbox

/// Tool calling, scripted: the reference program runs in the sandbox, but its tool bridge calls
/// no tools; each wave becomes the model's tool calls for one turn, and the results the harness
/// appends resume the program. Every tool is called exactly once (plus retries of failures), by
/// the harness, as a real model's calls would be.
actor ScriptedToolCallSession: ModelSession {
    enum Event: Sendable {
        case wave([ToolInvocation], reply: @Sendable ([ToolResult]) -> Void)
        case finished(SandboxOutcome)
    }

    private let reference: String?
    private let toolNames: [String]
    private let programs: any ProgramRunner
    private let limits: SandboxLimits
    private let retries: Int
    private let events = EventChannel<Event>()
    private var started = false
    private var closed = false
    /// The wave the program waits on: its calls, what came back so far, and how to resume it.
    private var wave: (calls: [ToolInvocation], results: [ToolResult?], attempts: [Int], reply: @Sendable ([ToolResult]) -> Void)?
    /// The model's call ids of the current turn, mapped to positions in the wave.
    private var outstanding: [String: Int] = [:]
    private var nextCallNumber = 0

    init(reference: String?, toolNames: [String], programs: any ProgramRunner, limits: SandboxLimits, retries: Int) {
        self.reference = reference
        self.toolNames = toolNames
        self.programs = programs
        self.limits = limits
        self.retries = retries
    }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        guard let reference else {
            return ScriptedModel.respond(request, ChatMessage(role: .assistant, content: "This case has no reference program to replay."))
        }
        if !started {
            started = true
            start(reference)
        } else if let message = absorb(request.messages) {
            return ScriptedModel.respond(request, message)
        }
        return ScriptedModel.respond(request, await nextTurn())
    }

    func close() async {
        closed = true
        if let wave {
            self.wave = nil
            wave.reply(wave.calls.map { _ in .failure("the conversation ended") })
        }
    }

    private func start(_ reference: String) {
        let events = self.events
        let handler = LockstepTools(events: events, toolNames: toolNames)
        Task { [programs, limits] in
            let run = await programs.run(reference, tools: handler, limits: limits)
            events.put(.finished(run.outcome))
        }
    }

    /// Takes the tool results of the last turn. Returns a retry turn when failures remain to retry;
    /// otherwise resumes the program and returns nil.
    private func absorb(_ messages: [ChatMessage]) -> ChatMessage? {
        guard var current = wave else { return nil }
        for message in messages where message.role == .tool {
            guard let id = message.toolCallID, let position = outstanding.removeValue(forKey: id) else { continue }
            current.results[position] = message.isError ? .failure(message.content) : .success(Self.value(message.content))
        }
        outstanding.removeAll()
        var retry: [ModelToolCall] = []
        for (position, result) in current.results.enumerated() {
            guard case .failure? = result, current.attempts[position] <= retries else { continue }
            current.attempts[position] += 1
            retry.append(call(for: current.calls[position], position: position))
        }
        wave = current
        if !retry.isEmpty { return ChatMessage(role: .assistant, content: "", toolCalls: retry) }
        wave = nil
        current.reply(current.results.map { $0 ?? .failure("the tool gave no result") })
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
            wave = (calls, Array(repeating: nil, count: calls.count), Array(repeating: 1, count: calls.count), reply)
            return ChatMessage(role: .assistant, content: "", toolCalls: calls.enumerated().map { call(for: $1, position: $0) })
        case .finished(let outcome):
            if case .value(let value) = outcome { return ChatMessage(role: .assistant, content: value.jsonText) }
            return ChatMessage(role: .assistant, content: "I could not finish the task: \(outcome.summary)")
        }
    }

    private func call(for invocation: ToolInvocation, position: Int) -> ModelToolCall {
        nextCallNumber += 1
        let id = "call_\(nextCallNumber)"
        outstanding[id] = position
        return ModelToolCall(id: id, name: invocation.name, arguments: invocation.arguments)
    }

    /// A tool message's content as the program would have received it: JSON when it is JSON.
    static func value(_ content: String) -> JSONValue {
        (try? JSONValue.parse(content)) ?? .string(content)
    }
}

/// The program's tool bridge in lockstep mode: hands each wave to the conversation and waits.
struct LockstepTools: SandboxToolHandler {
    let events: EventChannel<ScriptedToolCallSession.Event>
    let toolNames: [String]

    func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            events.put(.wave(wave, reply: { once.resume($0) }))
        }
    }
}

/// Resumes a continuation at most once, whoever calls first.
final class ResumeOnce: @unchecked Sendable {
    private var continuation: CheckedContinuation<[ToolResult], Never>?
    private let lock = NSLock()

    init(_ continuation: CheckedContinuation<[ToolResult], Never>) { self.continuation = continuation }

    func resume(_ results: [ToolResult]) {
        lock.lock()
        let continuation = self.continuation
        self.continuation = nil
        lock.unlock()
        continuation?.resume(returning: results)
    }
}
