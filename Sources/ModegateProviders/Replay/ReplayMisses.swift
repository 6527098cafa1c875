import Synchronization

/// The misses of a replayed run, shared by its sessions.
final class ReplayMisses: Sendable {
    private let messages = Mutex<[String]>([])

    func add(_ message: String) { messages.withLock { $0.append(message) } }

    var all: [String] { messages.withLock { $0 } }
}
