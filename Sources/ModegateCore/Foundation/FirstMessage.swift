import Foundation

/// The first of possibly many messages from several threads (a trial's first server failure, a
/// server's first line of stdout noise), for an error to quote.
package final class FirstMessage: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?

    package init() {}

    package func note(_ text: String) { lock.withLock { if message == nil { message = text } } }

    package var first: String? { lock.withLock { message } }
}
