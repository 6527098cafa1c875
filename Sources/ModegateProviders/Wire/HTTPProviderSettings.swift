import Foundation
import ModegateCore

/// What every HTTP provider takes from the gate's `model:`: where to send requests, the model,
/// the key (read once, before any trial), sampling settings and the HTTP client.
struct HTTPProviderSettings: Sendable {
    let endpoint: URL
    let model: String
    /// Nil when the gate names no `api_key_env` (a local server).
    let apiKey: String?
    let keyVariable: String?
    let temperature: Double
    let maxOutputTokens: Int
    let client: ProviderHTTPClient

    /// Throws `ProviderSetupError` for an unset key variable.
    init(_ plan: ModelPlan, environment: [String: String], endpoint: URL, defaultModel: String) throws {
        if let variable = plan.apiKeyEnv {
            guard let value = environment[variable], !value.isEmpty else {
                throw ProviderSetupError("model.api_key_env names \(variable), which is not set: export \(variable)=… before the run")
            }
            apiKey = value
        } else {
            apiKey = nil
        }
        self.endpoint = endpoint
        model = plan.name ?? defaultModel
        keyVariable = plan.apiKeyEnv
        temperature = plan.temperature
        maxOutputTokens = plan.maxOutputTokens
        var client = ProviderHTTPClient(timeoutSeconds: Double(plan.timeoutSeconds), maxRetries: plan.maxRetries)
        // One governor per model selection, so both arms of one model share its limit.
        if let limit = plan.rateLimit { client.governor = RateGovernor(limit: limit) }
        self.client = client
    }

    /// `base_url` (or `defaultBase`) with `path` appended unless the URL already ends with it.
    /// Throws `ProviderSetupError` for a URL with no host.
    static func endpoint(baseURL: String?, defaultBase: String, path: String) throws -> URL {
        let base = (baseURL ?? defaultBase).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard let endpoint = URL(string: base.hasSuffix(path) ? base : base + path), endpoint.host != nil else {
            throw ProviderSetupError("model.base_url '\(baseURL ?? "")' is not a URL")
        }
        return endpoint
    }

    /// Posts a request body; the key goes in `keyHeader` (with `keyPrefix`), never anywhere else.
    /// `tokens` is what the request reserves of a token rate limit.
    func post(_ body: JSONValue, headers: [String: String], keyHeader: String, keyPrefix: String = "", tokens: Int = 0) async throws -> HTTPAnswer {
        var all = headers
        all["Content-Type"] = "application/json"
        if let apiKey { all[keyHeader] = keyPrefix + apiKey }
        return try await client.post(endpoint, headers: all, body: Data(body.jsonText.utf8), tokens: tokens)
    }
}
