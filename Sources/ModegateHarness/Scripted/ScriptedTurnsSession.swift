import ModegateCore
import ModegateProviders

/// The scripted model in a multi-turn case: each turn is played by a session of its own over
/// that turn's reference program, started when the user's next message arrives (the number of
/// user messages in the request says which turn it is) and closed when the turn is over.
actor ScriptedTurnsSession: ModelSession {
    private let makeTurn: @Sendable (Int) -> any ModelSession
    private var turn = -1
    private var current: (any ModelSession)?

    /// `makeTurn(i)` plays turn `i` (0 the first).
    init(makeTurn: @escaping @Sendable (Int) -> any ModelSession) { self.makeTurn = makeTurn }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let asked = max(request.messages.filter { $0.role == .user }.count - 1, 0)
        if asked != turn || current == nil {
            await current?.close()
            turn = asked
            current = makeTurn(asked)
        }
        // Set just above.
        return try await current!.complete(request)
    }

    func close() async {
        await current?.close()
        current = nil
    }
}
