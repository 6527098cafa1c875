/// Why a tool call failed, in words a program (and a model) can act on.
struct ToolFailure: Error {
    let message: String

    init(_ message: String) { self.message = message }
}
