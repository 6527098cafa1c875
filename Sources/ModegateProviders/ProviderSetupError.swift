/// A model provider that cannot be set up: a missing key variable, a URL that makes no endpoint,
/// an unreadable or mismatched cassette. The run does not start (exit 4); the message says what
/// to fix.
public struct ProviderSetupError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public let description: String

    /// A set-up problem, in words the user acts on.
    public init(_ description: String) { self.description = description }
}
