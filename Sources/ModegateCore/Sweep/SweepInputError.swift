/// A sweep that cannot be run as asked: a malformed `--shapes`, a size beyond a suite's bounds, a
/// gate with nothing to sweep. The message names the flag or preset and the fix (exit 3).
public struct SweepInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let description: String

    /// An error with its message.
    public init(_ description: String) { self.description = description }
}
