/// Why a transport stopped carrying messages.
public enum MCPTransportError: Error, Sendable, CustomStringConvertible {
    /// The connection ended or cannot carry a message; the text says which side and why.
    case closed(String)
    /// The server answered with an HTTP error status.
    case http(status: Int, detail: String)

    /// The reason in words, with the status for an HTTP error.
    public var description: String {
        switch self {
        case .closed(let reason): reason
        case .http(let status, let detail): "HTTP \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        }
    }
}
