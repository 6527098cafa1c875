import Foundation

/// Takes the values of secret environment variables (API keys, MCP header secrets) out of text
/// before it is written anywhere. Transcripts carry bodies, never headers, so a key would reach
/// them only if a server echoed it back or a tool printed it; this is the net for that.
public struct SecretRedactor: Sendable {
    /// Secrets by the name of the variable that held them; very short values are skipped, since
    /// replacing them would mangle ordinary text without protecting anything.
    private let secrets: [(name: String, value: String)]

    /// Redacts nothing: the default where no secrets are known.
    public static let none = SecretRedactor(secrets: [:])

    /// Redacts the values of `secrets`, keyed by the name of the variable that held them.
    public init(secrets: [String: String]) {
        self.secrets = secrets.filter { $0.value.count >= 6 }.sorted { $0.value.count > $1.value.count }
            .map { (name: $0.key, value: $0.value) }
    }

    /// No secret is long enough to redact: text passes unchanged.
    public var isEmpty: Bool { secrets.isEmpty }

    /// The text with every secret (as written, and as it looks inside a JSON string) replaced
    /// by `[redacted:NAME]`.
    public func redact(_ text: String) -> String {
        var text = text
        for secret in secrets {
            let marker = "[redacted:\(secret.name)]"
            text = text.replacingOccurrences(of: secret.value, with: marker)
            let escaped = String(JSONValue.string(secret.value).jsonText.dropFirst().dropLast())
            if escaped != secret.value { text = text.replacingOccurrences(of: escaped, with: marker) }
        }
        return text
    }
}
