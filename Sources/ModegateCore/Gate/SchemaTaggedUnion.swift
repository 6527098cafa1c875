/// The kinds of a `tagged` value, each a mapping of its own keys besides the discriminating one.
public struct SchemaTaggedUnion: Sendable {
    public struct Variant: Sendable {
        public var name: String
        /// The kind's keys, without the discriminating key, which the validator adds.
        public var object: SchemaObject

        public init(_ name: String, _ object: SchemaObject) {
            self.name = name
            self.object = object
        }
    }

    /// The discriminating key, e.g. `kind`.
    public var key: String
    public var variants: [Variant]

    public init(key: String, variants: [Variant]) {
        self.key = key
        self.variants = variants
    }

    public var names: [String] { variants.map(\.name) }

    /// Kinds that may be written as a bare word because none of their keys is required.
    public var bareNames: [String] {
        variants.filter { $0.object.defaultValue != nil }.map(\.name)
    }

    public func variant(named name: String) -> Variant? { variants.first { $0.name == name } }

    /// The full mapping a kind is validated against: the discriminating key first, fixed to the kind.
    public func object(for variant: Variant) -> SchemaObject {
        let discriminator = SchemaField(required: key, .stringEnum([variant.name]), "Selects this kind.")
        return SchemaObject(title: variant.object.title, description: variant.object.description,
                            fields: [discriminator] + variant.object.fields)
    }
}
