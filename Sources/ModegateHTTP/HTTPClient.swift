import Foundation

/// HTTP/1.1 and HTTP/2 over TCP and TLS, on libcurl: whole answers for model providers, streamed
/// bodies for MCP's server-sent events. Waiting costs no CPU (see `CurlTransferLoop`), a task's
/// cancellation stops its transfer at once, and failures come as `HTTPTransportError`. Proxies
/// come from the usual `http_proxy`/`https_proxy`/`no_proxy` variables, as libcurl reads them.
public struct HTTPClient: Sendable {
    /// The longest a connection may take to open, TLS included.
    public var connectTimeoutSeconds: Double
    /// A PEM bundle of certificate authorities to trust instead of the system's, from
    /// `SSL_CERT_FILE` or `CURL_CA_BUNDLE` (for a private authority or a TLS-inspecting proxy).
    public var certificateAuthorities: String?

    /// A client trusting the bundle `environment` names in `SSL_CERT_FILE`, else in
    /// `CURL_CA_BUNDLE`, else the system's authorities.
    public init(connectTimeoutSeconds: Double = 30, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.connectTimeoutSeconds = connectTimeoutSeconds
        certificateAuthorities = [environment["SSL_CERT_FILE"], environment["CURL_CA_BUNDLE"]]
            .compactMap { $0 }.first { !$0.isEmpty }
    }

    /// Sends `request` and returns the whole answer, whatever its status. Throws
    /// `HTTPTransportError` when no complete answer came, `CancellationError` when the task was
    /// cancelled (the transfer stops at once).
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = try makeTransfer(request, streaming: false)
        let loop = CurlTransferLoop.shared
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.wait(whole: continuation)
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Sends `request` and returns once the head has arrived; the body follows as it comes.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let transfer = try makeTransfer(request, streaming: true)
        let loop = CurlTransferLoop.shared
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.wait(head: continuation)
                transfer.cancelWhenBodyIsDropped(loop)
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    private func makeTransfer(_ request: HTTPRequest, streaming: Bool) throws -> CurlTransfer {
        guard request.url.scheme == "http" || request.url.scheme == "https" else {
            throw HTTPTransportError(kind: .invalidRequest, detail: "\(request.url.scheme ?? "no") scheme; only http and https are spoken")
        }
        return try CurlTransfer(
            request, connectTimeoutSeconds: connectTimeoutSeconds, certificateAuthorities: certificateAuthorities,
            streaming: streaming)
    }
}
