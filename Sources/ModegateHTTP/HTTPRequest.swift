import Foundation

/// One HTTP request as modegate sends it: to a model provider or an MCP server.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST` (the default) or any other method, sent as written.
    public var method: String
    /// Where the request goes; only http and https are spoken.
    public var url: URL
    /// In the order given; a name may repeat.
    public var headers: [HTTPHeader]
    /// The body sent; nil for none (a POST then sends an empty one).
    public var body: Data?
    /// For a whole answer (`HTTPClient.send`): the longest the exchange may take, connecting
    /// included. For a stream (`HTTPClient.stream`): the longest the server may stay silent.
    public var timeoutSeconds: Double

    /// A request as given; the headers are sent in order.
    public init(method: String = "POST", url: URL, headers: [HTTPHeader] = [], body: Data? = nil, timeoutSeconds: Double) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
    }

    /// Sets `name` (replacing earlier values of it).
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append(HTTPHeader(name: name, value: value))
    }
}
