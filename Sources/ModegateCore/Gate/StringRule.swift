/// What a string must look like, with the words a diagnostic uses when it does not.
public struct StringRule: Sendable {
    /// An anchored regular expression, or `nil` for any text.
    public var pattern: String?
    /// Completes "must be …" in a diagnostic, e.g. "an environment variable name".
    public var meaning: String
    /// Fewest characters the string must have.
    public var minLength: Int

    /// A rule; with no arguments, any string.
    public init(pattern: String? = nil, meaning: String = "a string", minLength: Int = 0) {
        self.pattern = pattern
        self.meaning = meaning
        self.minLength = minLength
    }

    /// Any string, the empty one too.
    public static let any = StringRule()
    /// Any string with at least one character.
    public static let nonEmpty = StringRule(meaning: "a non-empty string", minLength: 1)
    /// Names are passed to the process environment lookup verbatim: never expanded, never read here.
    public static let environmentVariable = StringRule(
        pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
        meaning: "an environment variable name (letters, digits and '_', not starting with a digit)",
        minLength: 1)
    /// An http:// or https:// URL.
    public static let httpURL = StringRule(
        pattern: "^https?://[^\\s]+$", meaning: "an http:// or https:// URL", minLength: 1)
    /// RFC 9110 token characters.
    public static let headerName = StringRule(
        pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", meaning: "an HTTP header name", minLength: 1)
    /// A three-letter ISO 4217 currency code.
    public static let currencyCode = StringRule(
        pattern: "^[A-Z]{3}$", meaning: "a three-letter ISO 4217 currency code such as USD", minLength: 3)
    /// A name for an MCP server or a fault entry: letters, digits, '_', '.', '-'.
    public static let serverName = StringRule(
        pattern: "^[A-Za-z0-9_.-]+$", meaning: "a server name (letters, digits, '_', '.', '-')", minLength: 1)
}
