import ModegateSandbox
import Synchronization

/// The program's tool bridge in lockstep mode: hands each wave to the conversation and waits.
struct LockstepTools: SandboxToolHandler {
    let events: Mailbox<ScriptedToolCallSession.Event>
    let toolNames: [String]
    let played: PlayedWaves

    func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        if let results = played.answer(wave) { return results }
        return await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            events.put(.wave(wave, reply: { once.resume($0) }))
        }
    }
}

/// Resumes a continuation at most once, whoever calls first.
final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<[ToolResult], Never>?>

    init(_ continuation: CheckedContinuation<[ToolResult], Never>) { self.continuation = Mutex(continuation) }

    func resume(_ results: [ToolResult]) {
        let continuation = continuation.withLock { continuation in
            defer { continuation = nil }
            return continuation
        }
        continuation?.resume(returning: results)
    }
}
