import ModegateCore
import ModegateSandbox

/// The model a gate names: the scripted model, or an HTTP provider (OpenAI-compatible and
/// Anthropic so far; Azure OpenAI plugs in here).
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
            return HTTPModelProvider<OpenAIChatFormat>(settings: try HTTPProviderSettings(
                plan.model, environment: environment, defaultBase: "https://api.openai.com/v1", path: "/chat/completions",
                defaultModel: "gpt-4.1-mini"))
        case .anthropic:
            return HTTPModelProvider<AnthropicMessagesFormat>(settings: try HTTPProviderSettings(
                plan.model, environment: environment, defaultBase: "https://api.anthropic.com/v1", path: "/messages",
                defaultModel: "claude-sonnet-4-5"))
        case .azureOpenAI:
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
            "model provider '\(name)' is not available in this build yet; use provider: scripted, openai or anthropic"
        case .mcpUnavailable(let reason): reason
        case .providerSetup(let reason): reason
        }
    }
}
