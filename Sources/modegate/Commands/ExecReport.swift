import ArgumentParser
import Foundation
import ModegateCore
import ModegateSandbox
import ModegateSuites

/// What `exec` prints.
struct ExecReport: Encodable {
    let outcome: SandboxOutcome
    let toolCalls: [ToolCallRecord]
    let waves: Int
    let logs: [String]
    let logsTruncated: Bool
    let wallSeconds: Double

    init(_ run: SandboxRun) {
        outcome = run.outcome
        toolCalls = run.toolCalls
        waves = run.waves
        logs = run.logs
        logsTruncated = run.logsTruncated
        wallSeconds = run.wallSeconds
    }

    enum CodingKeys: String, CodingKey {
        case outcome, waves, logs
        case toolCalls = "tool_calls", logsTruncated = "logs_truncated", wallSeconds = "wall_seconds"
    }

    static func text(_ run: SandboxRun) -> String {
        var lines: [String] = []
        if case .value(let value) = run.outcome {
            lines.append((try? StableJSON.string(value)) ?? "null")
        } else {
            lines.append("\(run.outcome.kind): \(run.outcome.summary)")
            if case .exception(_, _, let stack) = run.outcome, !stack.isEmpty { lines.append(stack) }
        }
        lines.append("tool calls: \(run.toolCalls.count) in \(run.waves) waves")
        for call in run.toolCalls {
            let arguments = (try? StableJSON.string(call.arguments, pretty: false)) ?? "?"
            let result: String
            switch call.result {
            case .success(let value): result = (try? StableJSON.string(value, pretty: false)) ?? "?"
            case .failure(let message): result = "error: \(message)"
            }
            lines.append("  #\(call.id) (wave \(call.wave)) \(call.name)(\(arguments)) → \(result)")
        }
        if !run.logs.isEmpty {
            lines.append("console:")
            lines += run.logs.map { "  \($0)" }
            if run.logsTruncated { lines.append("  … (output truncated)") }
        }
        return lines.joined(separator: "\n")
    }
}
