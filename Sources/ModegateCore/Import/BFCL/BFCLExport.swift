/// What `bfcl_server.py export CATEGORY` prints: a category's tasks as the installed bfcl-eval
/// package states them, with each ground-truth call already read into a tool name and JSON
/// arguments (Python's own parser did that, in the script).
struct BFCLExport: Decodable, Sendable {
    struct Call: Decodable, Sendable {
        let name: String
        let arguments: JSONValue
    }

    struct Turn: Decodable, Sendable {
        /// The user's message (BFCL's words for a turn that only brings held-out functions).
        let prompt: String
        /// The ground truth: the calls that solve the turn, in order.
        let calls: [Call]
    }

    struct Task: Decodable, Sendable {
        let id: String
        /// BFCL's backend classes the task runs on.
        let classes: [String]
        /// The functions the task offers: its classes' less its excluded ones.
        let tools: [String]
        let turns: [Turn]
        /// BFCL's held-out functions by 0-based turn (miss_func); offered from the start here.
        let heldOut: [String: [String]]

        enum CodingKeys: String, CodingKey { case id, classes, tools, turns, heldOut = "held_out" }
    }

    let category: String
    let package: String
    let version: String
    /// BFCL's step limit for one turn.
    let maxSteps: Int
    var tasks: [Task]

    enum CodingKeys: String, CodingKey { case category, package, version, tasks, maxSteps = "max_steps" }
}
