import Synchronization

/// A queue between producer threads and one async consumer: producers put messages without
/// waiting, the consumer awaits them without blocking a Swift concurrency thread. A worker's
/// reader thread feeds its conversation through one; the scripted model's lockstep program
/// feeds its conversation through another.
package final class Mailbox<Message: Sendable>: Sendable {
    private struct State {
        var queue: [Message] = []
        var waiter: CheckedContinuation<Message?, Never>?
        var closed = false
    }

    private let state = Mutex(State())

    /// An open, empty mailbox.
    package init() {}

    /// Hands `message` to the waiting consumer, or queues it for the next `next()`.
    package func put(_ message: Message) {
        let waiter = state.withLock { state -> CheckedContinuation<Message?, Never>? in
            guard let waiter = state.waiter else {
                state.queue.append(message)
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: message)
    }

    /// No more messages: a waiting or later `next()` returns nil once the queue is empty.
    package func close() {
        let waiter = state.withLock { state in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The oldest message, waiting for one if none is queued; nil once closed and drained.
    package func next() async -> Message? {
        await withCheckedContinuation { continuation in
            let ready: Message?? = state.withLock { state in
                if !state.queue.isEmpty { return .some(state.queue.removeFirst()) }
                if state.closed { return .some(nil) }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
