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

    /// `path` is appended to `base_url` (or `defaultBase`) unless the URL already ends with it.
    /// Throws `HarnessError.providerSetup` for a bad URL or an unset key variable.
    init(_ plan: ModelPlan, environment: [String: String], defaultBase: String, path: String, defaultModel: String) throws {
        let base = (plan.baseURL ?? defaultBase).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard let endpoint = URL(string: base.hasSuffix(path) ? base : base + path), endpoint.host != nil else {
            throw HarnessError.providerSetup("model.base_url '\(plan.baseURL ?? "")' is not a URL")
        }
        if let variable = plan.apiKeyEnv {
            guard let value = environment[variable], !value.isEmpty else {
                throw HarnessError.providerSetup("model.api_key_env names \(variable), which is not set: export \(variable)=… before the run")
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
        client = ProviderHTTPClient(timeoutSeconds: Double(plan.timeoutSeconds), maxRetries: plan.maxRetries)
    }

    /// Posts a request body; the key goes in `keyHeader` (with `keyPrefix`), never anywhere else.
    func post(_ body: JSONValue, headers: [String: String], keyHeader: String, keyPrefix: String = "") async throws -> Data {
        var all = headers
        all["Content-Type"] = "application/json"
        if let apiKey { all[keyHeader] = keyPrefix + apiKey }
        return try await client.post(endpoint, headers: all, body: Data(body.jsonText.utf8), keyVariable: keyVariable)
    }
}

/// One provider API's wire format: how a request becomes a body and an answer a response.
protocol ProviderWireFormat: Sendable {
    /// Where the key goes, and what precedes it there.
    static var keyHeader: String { get }
    static var keyPrefix: String { get }
    static var headers: [String: String] { get }
    static func body(_ request: ModelRequest, model: String, temperature: Double, maxTokens: Int) -> JSONValue
    /// Throws `ModelError` for anything malformed.
    static func response(from data: Data) throws -> ModelResponse
}

/// An HTTP model provider speaking one wire format. Stateless: every request carries the whole
/// conversation, so every trial's session is the same.
struct HTTPModelProvider<Wire: ProviderWireFormat>: ModelProvider, ModelSession {
    let settings: HTTPProviderSettings

    var modelName: String { settings.model }

    func session(for trial: TrialContext) -> any ModelSession { self }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let body = Wire.body(request, model: settings.model, temperature: settings.temperature, maxTokens: settings.maxOutputTokens)
        return try Wire.response(from: try await settings.post(body, headers: Wire.headers, keyHeader: Wire.keyHeader, keyPrefix: Wire.keyPrefix))
    }
}
