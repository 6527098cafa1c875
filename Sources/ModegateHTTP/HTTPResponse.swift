import Foundation

/// The status line and headers of an answer.
public struct HTTPResponseHead: Sendable, Equatable {
    public var status: Int
    public var headers: [HTTPHeader]

    public init(status: Int, headers: [HTTPHeader]) {
        self.status = status
        self.headers = headers
    }

    /// The last value of a header, matched without regard to case.
    public func value(forHeader name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A whole answer.
public struct HTTPResponse: Sendable {
    public var head: HTTPResponseHead
    public var body: Data

    public var status: Int { head.status }
    public func value(forHeader name: String) -> String? { head.value(forHeader: name) }
}

/// An answer whose body arrives while it is read (server-sent events).
public struct HTTPStreamingResponse: Sendable {
    public var head: HTTPResponseHead
    /// The body's bytes in the pieces they arrived in; ends with the answer, throws
    /// `HTTPTransportError` when the connection fails. Dropping it stops the transfer.
    public var body: AsyncThrowingStream<Data, Error>
}
