import ModegateCore

/// The outcome as JSON: `{"kind": "...", ...fields}`, for the worker protocol and `modegate exec --json`.
extension SandboxOutcome: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, value, line, column, message, name, stack, tool, bytes, limit, reason
        case timeout = "limit_kind"
    }

    /// Reads `{"kind": ...}` and the fields of that kind.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "value": self = .value(try container.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null)
        case "syntax_error":
            self = .syntaxError(
                line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column),
                message: try container.decode(String.self, forKey: .message))
        case "exception":
            self = .exception(
                name: try container.decode(String.self, forKey: .name), message: try container.decode(String.self, forKey: .message),
                stack: try container.decode(String.self, forKey: .stack))
        case "timeout": self = .timeout(try container.decode(TimeoutKind.self, forKey: .timeout))
        case "out_of_memory": self = .outOfMemory
        case "tool_error":
            self = .toolError(tool: try container.decode(String.self, forKey: .tool), message: try container.decode(String.self, forKey: .message))
        case "output_too_large":
            self = .outputTooLarge(bytes: try container.decode(Int.self, forKey: .bytes), limit: try container.decode(Int.self, forKey: .limit))
        case "guardrail_blocked": self = .guardrailBlocked(reason: try container.decode(String.self, forKey: .reason))
        case "stalled": self = .stalled
        case "worker_failure": self = .workerFailure(try container.decode(String.self, forKey: .message))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown outcome '\(kind)'")
        }
    }

    /// Writes `{"kind": ...}` and the fields of that kind.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .value(let value): try container.encode(value, forKey: .value)
        case .syntaxError(let line, let column, let message):
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
        case .exception(let name, let message, let stack):
            try container.encode(name, forKey: .name)
            try container.encode(message, forKey: .message)
            try container.encode(stack, forKey: .stack)
        case .timeout(let kind): try container.encode(kind, forKey: .timeout)
        case .toolError(let tool, let message):
            try container.encode(tool, forKey: .tool)
            try container.encode(message, forKey: .message)
        case .outputTooLarge(let bytes, let limit):
            try container.encode(bytes, forKey: .bytes)
            try container.encode(limit, forKey: .limit)
        case .guardrailBlocked(let reason): try container.encode(reason, forKey: .reason)
        case .workerFailure(let message): try container.encode(message, forKey: .message)
        case .outOfMemory, .stalled: break
        }
    }
}
