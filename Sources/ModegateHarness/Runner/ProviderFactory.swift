import Foundation
import ModegateCore
import ModegateSandbox

/// The model a gate names: the scripted model, an HTTP provider (OpenAI-compatible, Azure
/// OpenAI, Anthropic), or the replay of recorded transcripts.
enum ProviderFactory {
    /// `cassette` is the transcript files a `replay` provider plays back.
    static func make(plan: GatePlan, sandbox: Sandbox, environment: [String: String] = [:], cassette: [URL] = []) throws -> any ModelProvider {
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
            return try http(OpenAIChatFormat.self, plan.model, environment, defaultModel: "gpt-4.1-mini", endpoint: HTTPProviderSettings.endpoint(
                baseURL: plan.model.baseURL, defaultBase: "https://api.openai.com/v1", path: "/chat/completions"))
        case .azureOpenAI:
            return try http(AzureOpenAIFormat.self, plan.model, environment, defaultModel: "", endpoint: AzureOpenAIFormat.endpoint(
                baseURL: plan.model.baseURL, deployment: plan.model.name, apiVersion: plan.model.apiVersion))
        case .anthropic:
            return try http(AnthropicMessagesFormat.self, plan.model, environment, defaultModel: "claude-sonnet-4-5", endpoint: HTTPProviderSettings.endpoint(
                baseURL: plan.model.baseURL, defaultBase: "https://api.anthropic.com/v1", path: "/messages"))
        case .replay:
            return try ReplayProvider(cassette: Cassette(files: cassette), gateModel: plan.model.name)
        }
    }

    private static func http<Wire: ProviderWireFormat>(
        _ wire: Wire.Type, _ model: ModelPlan, _ environment: [String: String], defaultModel: String, endpoint: URL
    ) throws -> HTTPModelProvider<Wire> {
        HTTPModelProvider<Wire>(settings: try HTTPProviderSettings(model, environment: environment, endpoint: endpoint, defaultModel: defaultModel))
    }
}

/// Why a gate run could not start or go on (exit 4).
public enum HarnessError: Error, Sendable, CustomStringConvertible {
    /// An MCP server the run needs could not be started, reached or listed.
    case mcpUnavailable(String)
    /// The model provider cannot be set up (a missing key variable, a bad URL).
    case providerSetup(String)
    /// A replayed run asked the model something its recording does not hold.
    case replayMissed(String)
    /// The sandbox cannot start a worker (its engine is missing or does not load).
    case sandboxUnavailable(String)

    public var description: String {
        switch self {
        case .mcpUnavailable(let reason): reason
        case .providerSetup(let reason): reason
        case .replayMissed(let reason): reason
        case .sandboxUnavailable(let reason): reason
        }
    }
}
