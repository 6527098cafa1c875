import Foundation

/// A queue between producers and one async consumer, for the scripted model's lockstep program.
final class EventChannel<Event: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Event] = []
    private var waiter: CheckedContinuation<Event, Never>?

    func put(_ event: Event) {
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.resume(returning: event)
            return
        }
        queue.append(event)
        lock.unlock()
    }

    func next() async -> Event {
        await withCheckedContinuation { continuation in
            lock.lock()
            if queue.isEmpty {
                waiter = continuation
                lock.unlock()
            } else {
                let event = queue.removeFirst()
                lock.unlock()
                continuation.resume(returning: event)
            }
        }
    }
}
