/// How a code-mode arm was shown its tools (`tool_api`), in its run summary: the style, how many
/// tools, the bytes of the declarations in `run_code`'s description, and how precisely the
/// tools' schemas type their parameters and results.
public struct ToolAPIFigures: Sendable, Codable, Hashable {
    /// Declarations or names.
    public var style: ToolAPI
    /// Distinct tools the arm's cases offer.
    public var tools: Int
    /// UTF-8 bytes of the tool API text the model reads (declarations, or the list of names).
    public var declarationBytes: Int
    /// Parameters and results typed precisely by the schemas.
    public var fidelity: SchemaFidelity

    /// The figures as measured.
    public init(style: ToolAPI, tools: Int, declarationBytes: Int, fidelity: SchemaFidelity) {
        self.style = style
        self.tools = tools
        self.declarationBytes = declarationBytes
        self.fidelity = fidelity
    }

    enum CodingKeys: String, CodingKey {
        case style, tools, declarationBytes = "declaration_bytes", fidelity
    }
}
