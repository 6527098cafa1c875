/// One key of an object.
public struct SchemaField: Sendable {
    public enum Presence: Sendable {
        case required
        /// Filled in when the key is absent; `null` for optional values.
        case defaulted(JSONValue)
    }

    public var name: String
    public var description: String
    public var type: SchemaType
    public var presence: Presence

    public init(_ name: String, _ type: SchemaType, default value: JSONValue, _ description: String) {
        self.name = name
        self.type = type
        self.presence = .defaulted(value)
        self.description = description
    }

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

    public var defaultValue: JSONValue? {
        if case .defaulted(let value) = presence { return value }
        return nil
    }

    public var isRequired: Bool {
        if case .required = presence { return true }
        return false
    }
}
