import Foundation

/// An answer whose body arrives while it is read (server-sent events).
public struct HTTPStreamingResponse: Sendable {
    /// The status line and headers, complete before the body starts.
    public var head: HTTPResponseHead
    /// The body's bytes in the pieces they arrived in; ends with the answer, throws
    /// `HTTPTransportError` when the connection fails. Dropping it stops the transfer.
    public var body: AsyncThrowingStream<Data, Error>
}
