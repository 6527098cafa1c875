import Foundation
import ModegateCore

/// Worker → host, one JSON object per line on the worker's stdout.
package enum WorkerMessage: Codable, Sendable {
    /// The engine is up and the memory limit is set: ready for a program.
    case ready
    /// The program is idle, waiting on these calls.
    case wave([ToolInvocation])
    /// The program ended. `recycle` asks the host not to reuse this worker (after running out of memory).
    case done(outcome: SandboxOutcome, logs: [String], logsTruncated: Bool, recycle: Bool)

    enum CodingKeys: String, CodingKey {
        case type, calls, outcome, logs, recycle
        case logsTruncated = "logs_truncated"
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "ready": self = .ready
        case "wave": self = .wave(try container.decode([ToolInvocation].self, forKey: .calls))
        case "done":
            self = .done(
                outcome: try container.decode(SandboxOutcome.self, forKey: .outcome),
                logs: try container.decode([String].self, forKey: .logs),
                logsTruncated: try container.decode(Bool.self, forKey: .logsTruncated),
                recycle: try container.decode(Bool.self, forKey: .recycle))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown message '\(other)'")
        }
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ready:
            try container.encode("ready", forKey: .type)
        case .wave(let calls):
            try container.encode("wave", forKey: .type)
            try container.encode(calls, forKey: .calls)
        case .done(let outcome, let logs, let logsTruncated, let recycle):
            try container.encode("done", forKey: .type)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(logs, forKey: .logs)
            try container.encode(logsTruncated, forKey: .logsTruncated)
            try container.encode(recycle, forKey: .recycle)
        }
    }
}

extension WorkerMessage {
    /// Decodes one line. `wave` lines, one per tool-call round trip, are read by the fast parser;
    /// the rare others go through the decoder.
    static func decode(line: Data, decoder: JSONDecoder) -> WorkerMessage? {
        if line.starts(with: Array(#"{"calls":"#.utf8)),
            let value = try? JSONValue.parse(String(decoding: line, as: UTF8.self)),
            let calls = value["calls"]?.arrayValue
        {
            var invocations: [ToolInvocation] = []
            invocations.reserveCapacity(calls.count)
            for call in calls {
                guard let id = call["id"]?.intValue, let name = call["name"]?.stringValue else { return nil }
                invocations.append(ToolInvocation(id: id, name: name, arguments: call["arguments"] ?? .null))
            }
            return .wave(invocations)
        }
        return try? decoder.decode(WorkerMessage.self, from: line)
    }
}
