import Foundation
import ModegateCore

/// `provider: azure_openai`: Chat Completions on an Azure OpenAI deployment. The wire is
/// OpenAI's; the key goes in the `api-key` header and the URL names the deployment and the
/// `api-version`.
enum AzureOpenAIFormat: ProviderWireFormat {
    static let name = OpenAIChatFormat.name
    static let keyHeader = "api-key"
    static let keyPrefix = ""
    static let headers: [String: String] = [:]
    static let conversationKeys = OpenAIChatFormat.conversationKeys

    static func body(_ request: ModelRequest, sampling: WireSampling) -> JSONValue {
        OpenAIChatFormat.body(request, sampling: sampling)
    }

    static func response(from data: Data) throws -> ModelResponse { try OpenAIChatFormat.response(from: data) }

    static func adjusting(_ sampling: WireSampling, after refusal: Data) -> (WireSampling, note: String)? {
        OpenAIChatFormat.adjusting(sampling, after: refusal)
    }

    /// The chat-completions URL: `base_url` is the resource endpoint
    /// (`https://NAME.openai.azure.com`, the deployment path is added) or already the full
    /// deployment URL (`…/openai/deployments/DEPLOYMENT/chat/completions`). The gate's
    /// `api_version` replaces any `api-version` the URL carries; without it the URL's is used.
    /// The newer v1 API (`…/openai/v1`) takes the deployment in the body and needs no version.
    static func endpoint(baseURL: String?, deployment: String?, apiVersion: String?) throws -> URL {
        guard let baseURL, var parts = URLComponents(string: baseURL), let host = parts.host, !host.isEmpty else {
            throw ProviderSetupError(
                "model.base_url '\(baseURL ?? "")' is not a URL; azure_openai needs the resource endpoint, e.g. https://NAME.openai.azure.com")
        }
        var path = parts.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let versionless = path.hasSuffix("openai/v1") || path.contains("openai/v1/")
        if !path.contains("openai/deployments/") && !versionless {
            guard let deployment, !deployment.isEmpty else {
                throw ProviderSetupError("model.name must name the Azure OpenAI deployment")
            }
            path += (path.isEmpty ? "" : "/") + "openai/deployments/\(deployment)"
        }
        if !path.hasSuffix("chat/completions") { path += "/chat/completions" }
        parts.path = "/" + path
        var query = (parts.queryItems ?? []).filter { $0.name != "api-version" || apiVersion == nil }
        if let apiVersion { query.append(URLQueryItem(name: "api-version", value: apiVersion)) }
        guard versionless || query.contains(where: { $0.name == "api-version" }) else {
            throw ProviderSetupError("azure_openai needs an api-version: set model.api_version, e.g. \"2024-10-21\"")
        }
        parts.queryItems = query.isEmpty ? nil : query
        guard let url = parts.url else {
            throw ProviderSetupError("model.base_url '\(baseURL)' does not make a deployment URL")
        }
        return url
    }
}
