import Foundation

/// A whole answer.
public struct HTTPResponse: Sendable {
    public var head: HTTPResponseHead
    public var body: Data

    public var status: Int { head.status }
    public func value(forHeader name: String) -> String? { head.value(forHeader: name) }
}
