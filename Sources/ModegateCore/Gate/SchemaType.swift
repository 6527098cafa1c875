/// The declarative shape of a gate file. One description drives validation of the YAML tree,
/// filling of defaults, the published JSON Schema and the key reference in `docs/gate-file.md`,
/// so a default or a range is written down exactly once.
public indirect enum SchemaType: Sendable {
    /// A mapping with a fixed set of keys; unknown keys are errors.
    case object(SchemaObject)
    /// A mapping with user-chosen keys (server names, environment variables), all values of one type.
    case map(keys: StringRule, values: SchemaType)
    /// A string that follows a rule.
    case string(StringRule)
    /// One of a fixed list of words.
    case stringEnum([String])
    /// A whole number within optional bounds.
    case integer(minimum: Int?, maximum: Int?)
    /// A number within optional bounds.
    case number(minimum: Double?, maximum: Double?)
    /// `true`/`false`, also YAML 1.1's `yes`/`no`/`on`/`off`.
    case boolean
    /// A list of one type with at least `minItems` items.
    case array(of: SchemaType, minItems: Int)
    /// A value of the type, or `null`.
    case nullable(SchemaType)
    /// The format version of the file itself: exactly one supported value.
    case formatVersion(supported: Int)
    /// Any JSON value written as YAML (an answer schema, an expected answer, generator params).
    case any
    /// A bare scalar or a mapping of fixed keys: `suite: repo_triage` or `suite: {mcp: git}`.
    case scalarOrObject(scalar: SchemaType, object: SchemaObject)
    /// A mapping whose discriminating key picks its other keys (`{kind: ndcg, field: ranked, k: 5}`);
    /// a kind whose other keys all have defaults may be written as its bare name (`exact`).
    case tagged(SchemaTaggedUnion)

    /// The type with any `nullable` wrapper removed.
    var unwrapped: SchemaType {
        if case .nullable(let inner) = self { return inner.unwrapped }
        return self
    }
}
