/// A mapping with named fields, in the order the documentation lists them.
public struct SchemaObject: Sendable {
    public var title: String
    public var description: String
    public var fields: [SchemaField]

    public init(title: String, description: String, fields: [SchemaField]) {
        self.title = title
        self.description = description
        self.fields = fields
    }

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
