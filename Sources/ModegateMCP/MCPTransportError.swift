/// Why a transport stopped carrying messages.
public enum MCPTransportError: Error, Sendable, CustomStringConvertible {
    case closed(String)
    case http(status: Int, detail: String)

    public var description: String {
        switch self {
        case .closed(let reason): reason
        case .http(let status, let detail): "HTTP \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        }
    }
}
