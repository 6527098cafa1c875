import ModegateCore

/// A tool call requested by the model.
public struct ModelToolCall: Sendable, Hashable, Codable {
    /// The call's id, which the tool message answering it repeats; made up (`call_N`,
    /// `toolu_N`) when the provider sends none.
    public var id: String
    /// The tool the model wants called.
    public var name: String
    /// The call's arguments, a JSON object.
    public var arguments: JSONValue
    /// Bytes of the name and the arguments' JSON, counted once: requests re-send the whole history.
    public let byteCount: Int

    /// A call as given; its bytes are counted here, once.
    public init(id: String, name: String, arguments: JSONValue) {
        self.id = id
        self.name = name
        self.arguments = arguments
        byteCount = name.utf8.count + arguments.jsonText.utf8.count
    }

    enum CodingKeys: String, CodingKey { case id, name, arguments }

    /// Reads `id`, `name` and `arguments`; the byte count is computed again, not stored.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            arguments: try container.decode(JSONValue.self, forKey: .arguments))
    }
}
