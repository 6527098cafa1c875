import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ModegateCore

/// HTTP for model providers (URLSession; libcurl on Linux): a timeout per request, retries with
/// exponential backoff and jitter on 429, 5xx and connection failures (honouring `Retry-After`),
/// and typed errors that name the fix. Errors never carry a request's headers, so no key leaks.
struct ProviderHTTPClient: Sendable {
    let session: URLSession
    let maxRetries: Int
    /// First backoff; doubles per retry, with up to 50% jitter, capped at `maxDelay`.
    var baseDelay: Double = 0.5
    var maxDelay: Double = 30

    init(timeoutSeconds: Double, maxRetries: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 64
        session = URLSession(configuration: configuration)
        self.maxRetries = maxRetries
    }

    /// The body of a 2xx answer. `keyVariable` is named (never its value) when the key is refused.
    func post(_ url: URL, headers: [String: String], body: Data, keyVariable: String?) async throws -> Data {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.httpBody = body
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            // Why this attempt failed in a way worth retrying, and how long the server asks to wait.
            let failure: String
            var retryAfter: Double?
            do {
                let (data, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                switch status {
                case 200..<300: return data
                case 429, 500..<600:
                    failure = "HTTP \(status) from \(Self.place(url)): \(Self.snippet(data))"
                    retryAfter = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init)
                default:
                    throw Self.error(status: status, data: data, url: url, keyVariable: keyVariable)
                }
            } catch let error as ModelError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failure = "cannot reach \(Self.place(url)): \(error.localizedDescription)"
            }
            guard attempt < maxRetries else {
                throw ModelError("\(failure) (gave up after \(attempt + 1) attempts)")
            }
            let backoff = min(maxDelay, baseDelay * pow(2, Double(attempt))) * Double.random(in: 1...1.5)
            try await Task.sleep(nanoseconds: UInt64(min(maxDelay, retryAfter ?? backoff) * 1e9))
            attempt += 1
        }
    }

    /// A refusal that retrying cannot fix.
    static func error(status: Int, data: Data, url: URL, keyVariable: String?) -> ModelError {
        let detail = snippet(data)
        switch status {
        case 400 where detail.contains("context_length") || detail.contains("maximum context length") || detail.contains("too long"):
            return ModelError("the conversation no longer fits the model's context window (HTTP 400 from \(place(url))): \(detail)")
        case 401, 403:
            let key = keyVariable.map { "the key in \($0)" } ?? "a key (set model.api_key_env)"
            return ModelError("HTTP \(status) from \(place(url)): the server refused \(key); check it and its permissions")
        case 404:
            return ModelError("HTTP 404 from \(place(url)): no such model or deployment, or a wrong base_url: \(detail)")
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
