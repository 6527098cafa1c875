import ModegateCore

/// Pure functions exposed as tools; a case asks for an eval spec — the true output of one tool
/// for each of a list of inputs — and is scored item by item. Params: `tool` and `inputs` (a list
/// of argument objects); the oracle runs the functions directly.
public struct FunctionProbeSuite: Suite {
    /// The suite; its functions need no data.
    public init() {}

    /// `function_probe`, as presets name it.
    public let name = "function_probe"
    /// One line for listings.
    public let summary = "Pure text and number functions as tools; write eval specs with their true outputs."

    /// One tool per function: vowel counts, word reversal, checksums, Caesar shifts and more.
    public var tools: [ToolDescriptor] { Self.descriptors }

    private static func textTool(_ name: String, _ description: String, result: JSONValue = OutputSchema.string) -> ToolDescriptor {
        ToolDescriptor(name: name, description: description + " Returns {result}.",
                       inputSchema: InputSchema.object(["text": InputSchema.string("Input text.")], required: ["text"]),
                       outputSchema: OutputSchema.object(["result": result]))
    }

    private static func numberTool(_ name: String, _ description: String) -> ToolDescriptor {
        ToolDescriptor(name: name, description: description + " Returns {result}.",
                       inputSchema: InputSchema.object(["n": InputSchema.integer("Input number.")], required: ["n"]),
                       outputSchema: OutputSchema.object(["result": OutputSchema.integer]))
    }

    static let descriptors = [
        textTool("vowel_count", "Counts the vowels in a text.", result: OutputSchema.integer),
        textTool("reverse_words", "Reverses the order of the words in a text."),
        textTool("checksum", "Computes a short checksum of a text, as hex."),
        ToolDescriptor(
            name: "caesar", description: "Shifts the letters of a text through the alphabet. Returns {result}.",
            inputSchema: InputSchema.object(
                ["text": InputSchema.string("Input text."), "shift": InputSchema.integer("Places to shift.")],
                required: ["text", "shift"]),
            outputSchema: OutputSchema.object(["result": OutputSchema.string])),
        textTool("run_length", "Run-length encodes a text."),
        numberTool("digital_root", "Computes the digital root of a number."),
        numberTool("collatz_steps", "Counts the steps of the Collatz sequence of a number."),
        textTool("slugify", "Turns a text into a URL slug."),
    ]

    /// A session of the pure functions; `params` are ignored.
    public func makeSession(params: JSONValue) -> any ToolSession { FunctionProbeSession() }

    /// `{"cases": [{"input": ARGS, "output": RESULT or null when the tool rejects ARGS}]}`.
    public func oracle(params: JSONValue) -> JSONValue? {
        let values = SuiteParams(params)
        guard let tool = values.string("tool"), Self.descriptors.contains(where: { $0.name == tool }),
            let inputs = values.values["inputs"]?.arrayValue
        else { return nil }
        let cases = inputs.map { input -> JSONValue in
            let output = (try? FunctionProbeSession.evaluate(tool, input)) ?? .null
            return ["input": input, "output": output]
        }
        return ["cases": .array(cases)]
    }
}
