import Foundation
import ModegateCore
import ModegateHTTP

/// HTTP for model providers (libcurl, through `HTTPClient`): a timeout per request, retries with
/// exponential backoff and jitter on 429, 5xx and connection failures (honouring `Retry-After`),
/// and typed errors that name the fix. Errors never carry a request's headers, so no key leaks.
/// Cancelling the task (Ctrl-C, SIGTERM) stops the request and any wait between retries at once.
struct ProviderHTTPClient: Sendable {
    let http: HTTPClient
    let timeoutSeconds: Double
    let maxRetries: Int
    /// First backoff; doubles per retry, with up to 50% jitter, capped at `maxDelay`.
    var baseDelay: Double = 0.5
    var maxDelay: Double = 30
    /// Paces every attempt to the model's rate limit and adapts how many are in flight; nil
    /// without `model.rate_limit`.
    var governor: RateGovernor?

    init(timeoutSeconds: Double, maxRetries: Int, http: HTTPClient = HTTPClient()) {
        self.http = http
        self.timeoutSeconds = timeoutSeconds
        self.maxRetries = maxRetries
    }

    /// The server's last answer: a 2xx, a refusal that retrying cannot fix, or the last retryable
    /// failure once the retries are spent. Throws `HTTPUnreachable` when no answer came at all.
    /// `tokens` is the request's estimated size, for a token rate limit.
    func post(_ url: URL, headers: [String: String], body: Data, tokens: Int = 0) async throws -> HTTPAnswer {
        var request = HTTPRequest(url: url, body: body, timeoutSeconds: timeoutSeconds)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request.setHeader(name, value) }
        var attempt = 0
        while true {
            try Task.checkCancellation()
            // How long the server asks to wait before the next attempt, if it asks.
            var retryAfter: Double?
            let reserved = try await governor?.acquire(estimate: tokens) ?? 0
            do {
                let response = try await http.send(request)
                let answer = HTTPAnswer(status: response.status, data: response.body, attempts: attempt + 1, reservedTokens: reserved)
                retryAfter = response.value(forHeader: "Retry-After").flatMap(Double.init)
                await governor?.finish(status: response.status, retryAfter: retryAfter)
                guard response.status == 429 || (500..<600).contains(response.status), attempt < maxRetries else { return answer }
                // The governor holds every request until the server's Retry-After: no wait of our own.
                if response.status == 429, governor != nil {
                    attempt += 1
                    continue
                }
            } catch is CancellationError {
                await governor?.finish(status: nil, retryAfter: nil)
                throw CancellationError()
            } catch let error as HTTPTransportError {
                await governor?.finish(status: nil, retryAfter: nil)
                if Task.isCancelled { throw CancellationError() }
                guard error.isTransient, attempt < maxRetries else {
                    throw HTTPUnreachable(
                        message: "no answer from \(Self.place(url)): \(Self.reason(error)) (gave up after \(attempt + 1) attempts)",
                        attempts: attempt + 1, timedOut: error.kind == .timedOut)
                }
            }
            let backoff = min(maxDelay, baseDelay * pow(2, Double(attempt))) * Double.random(in: 1...1.5)
            try await Task.sleep(nanoseconds: UInt64(min(maxDelay, retryAfter ?? backoff) * 1e9))
            attempt += 1
        }
    }

    /// The failures users meet, in words that name the fix where there is one.
    static func reason(_ error: HTTPTransportError) -> String {
        switch error.kind {
        case .timedOut: "no answer within model.timeout_seconds; raise it for slow models"
        case .connectionRefused: "connection refused; is the server running, and is base_url right?"
        case .unknownHost: "unknown host; check base_url"
        case .connectionClosed: "the connection closed before the answer was complete (\(error.detail))"
        case .tls, .invalidRequest, .other: error.description
        }
    }

    /// A refusal that retrying cannot fix.
    static func error(status: Int, data: Data, url: URL, keyVariable: String?, attempts: Int = 1) -> ModelError {
        let detail = snippet(data)
        switch status {
        case 400 where detail.contains("context_length") || detail.contains("maximum context length") || detail.contains("too long"):
            return ModelError("the conversation no longer fits the model's context window (HTTP 400 from \(place(url))): \(detail)")
        case 401, 403:
            let key = keyVariable.map { "the key in \($0)" } ?? "a key (set model.api_key_env)"
            return ModelError("HTTP \(status) from \(place(url)): the server refused \(key); check it and its permissions")
        case 404:
            return ModelError("HTTP 404 from \(place(url)): no such model or deployment, or a wrong base_url: \(detail)")
        case 429, 500..<600:
            return ModelError("HTTP \(status) from \(place(url)): \(detail) (gave up after \(attempts) attempts; raise model.max_retries to keep trying)")
        default:
            return ModelError("HTTP \(status) from \(place(url)): \(detail)")
        }
    }

    static func place(_ url: URL) -> String { "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)" }

    /// The start of an error body, on one line.
    static func snippet(_ data: Data) -> String {
        String(decoding: data.prefix(300), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
    }
}
