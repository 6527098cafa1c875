/// One key of an object.
public struct SchemaField: Sendable {
    /// Whether the file must set a key, or what it gets when it does not.
    public enum Presence: Sendable {
        /// The file must set the key.
        case required
        /// Filled in when the key is absent; `null` for optional values.
        case defaulted(JSONValue)
    }

    /// The key as written in the file.
    public var name: String
    /// What the key means, for the reference in `docs/gate-file.md` and the JSON Schema.
    public var description: String
    /// The values the key accepts.
    public var type: SchemaType
    /// Required, or the default.
    public var presence: Presence

    /// A key with a default.
    public init(_ name: String, _ type: SchemaType, default value: JSONValue, _ description: String) {
        self.name = name
        self.type = type
        self.presence = .defaulted(value)
        self.description = description
    }

    /// A key the file must set.
    public init(required name: String, _ type: SchemaType, _ description: String) {
        self.name = name
        self.type = type
        self.presence = .required
        self.description = description
    }

    /// An optional value: `null` unless the file sets it.
    public static func optional(_ name: String, _ type: SchemaType, _ description: String) -> SchemaField {
        SchemaField(name, .nullable(type), default: .null, description)
    }

    /// A nested section whose keys all have defaults, so the section itself may be left out.
    public static func section(_ name: String, _ object: SchemaObject) -> SchemaField {
        SchemaField(name, .object(object), default: object.defaultValue ?? .null, object.description)
    }

    /// The default; nil for a required key.
    public var defaultValue: JSONValue? {
        if case .defaulted(let value) = presence { return value }
        return nil
    }

    /// Whether the file must set the key.
    public var isRequired: Bool {
        if case .required = presence { return true }
        return false
    }
}
