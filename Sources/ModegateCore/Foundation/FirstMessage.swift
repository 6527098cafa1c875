import Synchronization

/// The first of possibly many messages from several threads (a trial's first server failure, a
/// server's first line of stdout noise), for an error to quote.
package final class FirstMessage: Sendable {
    private let message = Mutex<String?>(nil)

    package init() {}

    package func note(_ text: String) { message.withLock { if $0 == nil { $0 = text } } }

    package var first: String? { message.withLock { $0 } }
}
