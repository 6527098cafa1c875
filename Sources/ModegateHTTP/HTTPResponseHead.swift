import Foundation

/// The status line and headers of an answer.
public struct HTTPResponseHead: Sendable, Equatable {
    /// The final status code (interim ones such as `100 Continue` are skipped).
    public var status: Int
    /// The headers of the final answer, in the order they came.
    public var headers: [HTTPHeader]

    /// A head as given.
    public init(status: Int, headers: [HTTPHeader]) {
        self.status = status
        self.headers = headers
    }

    /// The last value of a header, matched without regard to case.
    public func value(forHeader name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
