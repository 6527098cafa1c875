import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// The `js` scorer: a program run in the sandbox with `answer` and `expected` defined, returning
/// a number in [0, 1].
struct JavaScriptScorer {
    let sandbox: Sandbox

    func score(program: String, answer: JSONValue, expected: JSONValue) async -> (Double, JSONValue) {
        let source = "const answer = \(answer.jsonText);\nconst expected = \(expected.jsonText);\n\(program)"
        let run = await sandbox.run(source, tools: NoTools(), limits: SandboxLimits(cpuSeconds: 5, wallSeconds: 5, maxCodeChars: 1_000_000))
        guard case .value(let value) = run.outcome, let reward = value.doubleValue, reward.isFinite else {
            return (0, ["scorer": "js", "error": .string(run.outcome.summary)])
        }
        return (min(max(reward, 0), 1), ["scorer": "js", "value": .number(reward)])
    }
}
