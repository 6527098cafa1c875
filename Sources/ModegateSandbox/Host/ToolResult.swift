import ModegateCore

/// What a tool call resolved to: a value for the program, or a failure thrown into it as an Error.
public enum ToolResult: Sendable, Hashable, Codable {
    /// The value the program's `await` receives.
    case success(JSONValue)
    /// A failure, thrown into the program as an `Error` with this message.
    case failure(String)

    /// Whether the call succeeded.
    public var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }

    enum CodingKeys: String, CodingKey { case ok, value, error }

    /// Reads `{"ok": true, "value": ...}` or `{"ok": false, "error": ...}`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decode(Bool.self, forKey: .ok) {
            self = .success(try container.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null)
        } else {
            self = .failure(try container.decode(String.self, forKey: .error))
        }
    }

    /// Writes `{"ok": true, "value": ...}` or `{"ok": false, "error": ...}`.
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
