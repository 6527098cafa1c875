import ModegateCore
import ModegateSandbox

/// The model a gate names: the scripted model, or an HTTP provider (OpenAI-compatible so far;
/// Azure OpenAI and Anthropic plug in here).
enum ProviderFactory {
    static func make(plan: GatePlan, sandbox: Sandbox, environment: [String: String] = [:]) throws -> any ModelProvider {
        switch plan.model.provider {
        case .scripted:
            // The lockstep program waits on model turns and tool calls of a whole conversation, so
            // its wall clock is the conversation's, not one program's.
            let limits = plan.candidate.limits
            // It is harness machinery, not the candidate's program, so the candidate's limits
            // must not make it fail: it gets at least 1 GB.
            let replay = SandboxLimits(
                cpuSeconds: Double(limits.timeoutSeconds), wallSeconds: Double(max(limits.timeoutSeconds, 600)),
                memoryMB: max(limits.memoryMB, 1024), maxToolCalls: 1_000_000, maxCodeChars: 10_000_000,
                maxOutputBytes: 100_000_000)
            return ScriptedModel(sandbox: sandbox, limits: replay)
        case .openai:
            let model = plan.model
            guard let endpoint = OpenAIChatProvider.endpoint(baseURL: model.baseURL) else {
                throw HarnessError.providerSetup("model.base_url '\(model.baseURL ?? "")' is not a URL")
            }
            var key: String?
            if let variable = model.apiKeyEnv {
                guard let value = environment[variable], !value.isEmpty else {
                    throw HarnessError.providerSetup(
                        "model.api_key_env names \(variable), which is not set: export \(variable)=… before the run")
                }
                key = value
            }
            return OpenAIChatProvider(
                endpoint: endpoint, model: model.name ?? "gpt-4.1-mini", apiKey: key, keyVariable: model.apiKeyEnv,
                temperature: model.temperature, maxOutputTokens: model.maxOutputTokens,
                client: ProviderHTTPClient(timeoutSeconds: Double(model.timeoutSeconds), maxRetries: model.maxRetries))
        case .azureOpenAI, .anthropic:
            throw HarnessError.providerUnavailable(plan.model.provider.rawValue)
        }
    }
}

/// Why a gate run could not start or go on (exit 4), or a request this build cannot serve.
public enum HarnessError: Error, Sendable, CustomStringConvertible {
    case providerUnavailable(String)
    /// An MCP server the run needs could not be started, reached or listed.
    case mcpUnavailable(String)
    /// The model provider cannot be set up (a missing key variable, a bad URL).
    case providerSetup(String)

    public var description: String {
        switch self {
        case .providerUnavailable(let name):
            "model provider '\(name)' is not available in this build yet; use provider: scripted or openai"
        case .mcpUnavailable(let reason): reason
        case .providerSetup(let reason): reason
        }
    }
}
