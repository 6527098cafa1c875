/// The declarative shape of a gate file. One description drives validation of the YAML tree,
/// filling of defaults, the published JSON Schema and the key reference in `docs/gate-file.md`,
/// so a default or a range is written down exactly once.
public indirect enum SchemaType: Sendable {
    /// A mapping with a fixed set of keys; unknown keys are errors.
    case object(SchemaObject)
    /// A mapping with user-chosen keys (server names, environment variables), all values of one type.
    case map(keys: StringRule, values: SchemaType)
    case string(StringRule)
    /// One of a fixed list of words.
    case stringEnum([String])
    case integer(minimum: Int?, maximum: Int?)
    case number(minimum: Double?, maximum: Double?)
    /// `true`/`false`, also YAML 1.1's `yes`/`no`/`on`/`off`.
    case boolean
    case array(of: SchemaType, minItems: Int)
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

/// What a string must look like, with the words a diagnostic uses when it does not.
public struct StringRule: Sendable {
    /// An anchored regular expression, or `nil` for any text.
    public var pattern: String?
    /// Completes "must be …" in a diagnostic, e.g. "an environment variable name".
    public var meaning: String
    public var minLength: Int

    public init(pattern: String? = nil, meaning: String = "a string", minLength: Int = 0) {
        self.pattern = pattern
        self.meaning = meaning
        self.minLength = minLength
    }

    public static let any = StringRule()
    public static let nonEmpty = StringRule(meaning: "a non-empty string", minLength: 1)
    /// Names are passed to the process environment lookup verbatim: never expanded, never read here.
    public static let environmentVariable = StringRule(
        pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
        meaning: "an environment variable name (letters, digits and '_', not starting with a digit)",
        minLength: 1)
    public static let httpURL = StringRule(
        pattern: "^https?://[^\\s]+$", meaning: "an http:// or https:// URL", minLength: 1)
    /// RFC 9110 token characters.
    public static let headerName = StringRule(
        pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", meaning: "an HTTP header name", minLength: 1)
    public static let currencyCode = StringRule(
        pattern: "^[A-Z]{3}$", meaning: "a three-letter ISO 4217 currency code such as USD", minLength: 3)
    public static let serverName = StringRule(
        pattern: "^[A-Za-z0-9_.-]+$", meaning: "a server name (letters, digits, '_', '.', '-')", minLength: 1)
}
