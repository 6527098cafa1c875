import Foundation

/// A whole answer.
public struct HTTPResponse: Sendable {
    /// The status line and headers.
    public var head: HTTPResponseHead
    /// The whole body, as it arrived.
    public var body: Data

    /// An answer as given (fake receivers in tests).
    public init(head: HTTPResponseHead, body: Data) {
        self.head = head
        self.body = body
    }

    /// The final status code (after any `100 Continue`).
    public var status: Int { head.status }
    /// The last value of a header, matched without regard to case.
    public func value(forHeader name: String) -> String? { head.value(forHeader: name) }
}
