import Foundation

/// Everything a renderer needs besides the verdict. Volatile values (the clock, the tool's version,
/// the release owner, whether stdout is a terminal) come in here so every renderer stays a pure
/// function and its output can be compared byte for byte in golden tests.
public struct ReportContext: Sendable {
    /// The modegate version written into JSON, JUnit and Markdown reports.
    public var toolVersion: String
    /// When the report was produced; renderers never read the clock themselves.
    public var generatedAt: Date
    /// The release owner named in the decision document; "unassigned" when nil.
    public var owner: String?
    /// Whether the text report may use ANSI colour (the CLI sets it when stdout is a TTY).
    public var colour: Bool

    /// Creates a context; `owner` and `colour` default to none and off.
    public init(toolVersion: String, generatedAt: Date, owner: String? = nil, colour: Bool = false) {
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.owner = owner
        self.colour = colour
    }
}
