/// One header line of a request or an answer, in the order it came.
public struct HTTPHeader: Sendable, Equatable {
    /// The header's name, as given (names are matched without regard to case).
    public var name: String
    /// The header's value, without surrounding whitespace.
    public var value: String

    /// A header as given.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
