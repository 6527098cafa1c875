import Foundation
import ModegateCore

/// How well the model's (or its program's) calls fit the tools it was given: a call to a tool
/// the suite does not have, or with arguments its input schema rejects. Counted only; the call
/// still goes to the tools, which answer it as they would.
struct ToolCallChecks {
    private let tools: [String: ToolDescriptor]

    init(_ tools: [ToolDescriptor]) {
        self.tools = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Counts one call into `counters`; true when the tool does not exist.
    @discardableResult
    func count(_ name: String, arguments: JSONValue, into counters: inout TrialCounters) -> Bool {
        guard let tool = tools[name] else {
            counters.unknownToolCalls += 1
            return true
        }
        if AnswerSchema(tool.inputSchema).problem(with: arguments) != nil { counters.invalidArgumentCalls += 1 }
        return false
    }

    /// The tool a program's exception says it called but `tools` lacks (JavaScriptCore's
    /// `tools.NAME is not a function`), if that is what it says.
    static func missingTool(in message: String) -> String? {
        guard let range = message.range(of: #"tools\.[A-Za-z_$][A-Za-z0-9_$]* is not a function"#, options: .regularExpression) else {
            return nil
        }
        return String(message[range].dropFirst("tools.".count).prefix { $0 != " " })
    }
}
