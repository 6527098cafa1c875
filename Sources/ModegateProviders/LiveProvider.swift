import Foundation
import ModegateCore

/// The providers that call a model over HTTP, by the gate's `model.provider`.
public enum LiveProvider {
    /// The provider of a live `model:` (OpenAI-compatible, OpenAI Responses, Azure OpenAI, Anthropic); nil for
    /// `scripted` and `replay`, which are not live. Throws `ProviderSetupError` for an unset
    /// key variable or a URL that makes no endpoint.
    public static func make(_ model: ModelPlan, environment: [String: String]) throws -> (any ModelProvider)? {
        switch model.provider {
        case .scripted, .replay:
            return nil
        case .openai:
            return try http(OpenAIChatFormat.self, model, environment, defaultModel: "gpt-4.1-mini", endpoint: HTTPProviderSettings.endpoint(
                baseURL: model.baseURL, defaultBase: "https://api.openai.com/v1", path: "/chat/completions"))
        case .openaiResponses:
            return try http(OpenAIResponsesFormat.self, model, environment, defaultModel: "gpt-4.1-mini", endpoint: HTTPProviderSettings.endpoint(
                baseURL: model.baseURL, defaultBase: "https://api.openai.com/v1", path: "/responses"))
        case .azureOpenAI:
            return try http(AzureOpenAIFormat.self, model, environment, defaultModel: "", endpoint: AzureOpenAIFormat.endpoint(
                baseURL: model.baseURL, deployment: model.name, apiVersion: model.apiVersion))
        case .anthropic:
            return try http(AnthropicMessagesFormat.self, model, environment, defaultModel: "claude-sonnet-4-5", endpoint: HTTPProviderSettings.endpoint(
                baseURL: model.baseURL, defaultBase: "https://api.anthropic.com/v1", path: "/messages"))
        }
    }

    private static func http<Wire: ProviderWireFormat>(
        _ wire: Wire.Type, _ model: ModelPlan, _ environment: [String: String], defaultModel: String, endpoint: URL
    ) throws -> HTTPModelProvider<Wire> {
        HTTPModelProvider<Wire>(settings: try HTTPProviderSettings(model, environment: environment, endpoint: endpoint, defaultModel: defaultModel))
    }
}
