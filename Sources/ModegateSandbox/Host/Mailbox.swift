import Foundation

/// A queue between a reader thread and one async consumer: the thread puts messages, the
/// consumer awaits them without blocking a Swift concurrency thread.
final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Message] = []
    private var waiter: CheckedContinuation<Message?, Never>?
    private var closed = false

    func put(_ message: Message) {
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.resume(returning: message)
            return
        }
        queue.append(message)
        lock.unlock()
    }

    /// No more messages: a waiting or later `next()` returns nil once the queue is empty.
    func close() {
        lock.lock()
        closed = true
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(returning: nil)
    }

    func next() async -> Message? {
        await withCheckedContinuation { continuation in
            lock.lock()
            if !queue.isEmpty {
                let message = queue.removeFirst()
                lock.unlock()
                continuation.resume(returning: message)
            } else if closed {
                lock.unlock()
                continuation.resume(returning: nil)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
