/// The kinds of a `tagged` value, each a mapping of its own keys besides the discriminating one.
public struct SchemaTaggedUnion: Sendable {
    /// One kind: its name and its other keys.
    public struct Variant: Sendable {
        /// The kind's name, the value of the discriminating key.
        public var name: String
        /// The kind's keys, without the discriminating key, which the validator adds.
        public var object: SchemaObject

        /// A kind named `name` with the keys of `object`.
        public init(_ name: String, _ object: SchemaObject) {
            self.name = name
            self.object = object
        }
    }

    /// The discriminating key, e.g. `kind`.
    public var key: String
    /// The kinds, in documentation order.
    public var variants: [Variant]

    /// A union keyed by `key`.
    public init(key: String, variants: [Variant]) {
        self.key = key
        self.variants = variants
    }

    /// The kinds' names, for "must be one of …" in a diagnostic.
    public var names: [String] { variants.map(\.name) }

    /// Kinds that may be written as a bare word because none of their keys is required.
    public var bareNames: [String] {
        variants.filter { $0.object.defaultValue != nil }.map(\.name)
    }

    /// The kind called `name`; nil for an unknown kind.
    public func variant(named name: String) -> Variant? { variants.first { $0.name == name } }

    /// The full mapping a kind is validated against: the discriminating key first, fixed to the kind.
    public func object(for variant: Variant) -> SchemaObject {
        let discriminator = SchemaField(required: key, .stringEnum([variant.name]), "Selects this kind.")
        return SchemaObject(title: variant.object.title, description: variant.object.description,
                            fields: [discriminator] + variant.object.fields)
    }
}
