/// A mapping with named fields, in the order the documentation lists them.
public struct SchemaObject: Sendable {
    /// The section's heading in the documentation and the JSON Schema.
    public var title: String
    /// What the section is for.
    public var description: String
    /// The keys, in documentation order.
    public var fields: [SchemaField]

    /// An object of these fields.
    public init(title: String, description: String, fields: [SchemaField]) {
        self.title = title
        self.description = description
        self.fields = fields
    }

    /// The field for a key; nil for a key the object does not have.
    public func field(named name: String) -> SchemaField? {
        fields.first { $0.name == name }
    }

    /// The value an omitted section takes: every field at its default. `nil` when a field is required,
    /// because such a section cannot be left out.
    public var defaultValue: JSONValue? {
        var members: [String: JSONValue] = [:]
        for field in fields {
            guard case .defaulted(let value) = field.presence else { return nil }
            members[field.name] = value
        }
        return .object(members)
    }
}
