import ModegateCore

/// A call a program made, as the host sees it.
public struct ToolInvocation: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var arguments: JSONValue

    public init(id: Int, name: String, arguments: JSONValue) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// What a tool call resolved to: a value for the program, or a failure thrown into it as an Error.
public enum ToolResult: Sendable, Hashable, Codable {
    case success(JSONValue)
    case failure(String)

    public var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }

    enum CodingKeys: String, CodingKey { case ok, value, error }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decode(Bool.self, forKey: .ok) {
            self = .success(try container.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null)
        } else {
            self = .failure(try container.decode(String.self, forKey: .error))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .success(let value):
            try container.encode(true, forKey: .ok)
            try container.encode(value, forKey: .value)
        case .failure(let message):
            try container.encode(false, forKey: .ok)
            try container.encode(message, forKey: .error)
        }
    }
}

/// Answers a program's tool calls. The sandbox hands over a *wave*: every call the program issued
/// before it had to wait (the engine went idle), in call order; the results go back together.
public protocol SandboxToolHandler: Sendable {
    /// The tools programs may call, by name.
    var toolNames: [String] { get }
    func handle(_ wave: [ToolInvocation]) async -> [ToolResult]
}

/// A handler for programs that call no tools.
public struct NoTools: SandboxToolHandler {
    public init() {}
    public var toolNames: [String] { [] }
    public func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        wave.map { .failure("unknown tool '\($0.name)'") }
    }
}

/// Tools given as async closures; a wave's calls run concurrently.
public struct ToolClosures: SandboxToolHandler {
    public typealias Tool = @Sendable (JSONValue) async throws -> JSONValue

    public let tools: [String: Tool]

    public init(_ tools: [String: Tool]) { self.tools = tools }

    public var toolNames: [String] { tools.keys.sorted() }

    public func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        await wave.orderedConcurrentMap { await call($0) }
    }

    private func call(_ invocation: ToolInvocation) async -> ToolResult {
        guard let tool = tools[invocation.name] else { return .failure("unknown tool '\(invocation.name)'") }
        do {
            return .success(try await tool(invocation.arguments))
        } catch {
            return .failure("\(error)")
        }
    }
}
