/// Why no (complete) answer came. Carries no header and no body of the request, so no secret
/// can reach a message through it.
public struct HTTPTransportError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it was, for deciding whether to retry.
    public enum Kind: Sendable, Equatable {
        /// Nothing within the request's `timeoutSeconds`.
        case timedOut
        /// Nothing listens at the address.
        case connectionRefused
        /// The host name does not resolve.
        case unknownHost
        /// The connection closed before the answer was complete.
        case connectionClosed
        /// TLS failed: the handshake, or a certificate that is not trusted.
        case tls
        /// The URL or the request cannot be sent as it is.
        case invalidRequest
        /// Anything else libcurl reports; `detail` says what.
        case other
    }

    /// What kind of failure it was.
    public var kind: Kind
    /// libcurl's own words, for the cases the kind does not say enough.
    public var detail: String

    /// An error of `kind`, with libcurl's words in `detail`.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// Whether trying again may help.
    public var isTransient: Bool {
        switch kind {
        case .timedOut, .connectionRefused, .connectionClosed, .unknownHost: true
        case .tls, .invalidRequest, .other: false
        }
    }

    /// The failure in words, with what to do for a TLS failure.
    public var description: String {
        switch kind {
        case .timedOut: "no answer in time (\(detail))"
        case .connectionRefused: "connection refused (\(detail))"
        case .unknownHost: "unknown host (\(detail))"
        case .connectionClosed: "the connection closed before the answer was complete (\(detail))"
        case .tls:
            "TLS failed (\(detail)); for a private certificate authority set SSL_CERT_FILE to its PEM bundle"
        case .invalidRequest: "the request cannot be sent (\(detail))"
        case .other: detail
        }
    }
}
