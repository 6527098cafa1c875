import ModegateCore

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
