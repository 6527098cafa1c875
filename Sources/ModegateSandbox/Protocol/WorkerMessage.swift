import Foundation
import ModegateCore

/// Host → worker, one JSON object per line on the worker's stdin.
package enum HostMessage: Codable, Sendable {
    /// Run one program with these tool names and limits.
    case run(program: String, tools: [String], limits: SandboxLimits)
    /// The answers to the last wave, in its call order.
    case results([ToolResult])

    enum CodingKeys: String, CodingKey { case type, program, tools, limits, results }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "run":
            self = .run(
                program: try container.decode(String.self, forKey: .program),
                tools: try container.decode([String].self, forKey: .tools),
                limits: try container.decode(SandboxLimits.self, forKey: .limits))
        case "results": self = .results(try container.decode([ToolResult].self, forKey: .results))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown message '\(other)'")
        }
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .run(let program, let tools, let limits):
            try container.encode("run", forKey: .type)
            try container.encode(program, forKey: .program)
            try container.encode(tools, forKey: .tools)
            try container.encode(limits, forKey: .limits)
        case .results(let results):
            try container.encode("results", forKey: .type)
            try container.encode(results, forKey: .results)
        }
    }
}

extension HostMessage {
    /// The message as one line. `results` is written by hand (it is sent once per wave, and the
    /// worker parses it with the engine); `run` goes through the encoder.
    package func line() throws -> Data {
        guard case .results(let results) = self else { return try StableJSON.encoder(pretty: false).encode(self) }
        var text = #"{"results":["#
        for (index, result) in results.enumerated() {
            if index > 0 { text += "," }
            switch result {
            case .success(let value):
                text += #"{"ok":true,"value":"#
                value.write(to: &text)
                text += "}"
            case .failure(let message):
                text += #"{"error":"#
                JSONValue.writeString(message, to: &text)
                text += #","ok":false}"#
            }
        }
        text += #"],"type":"results"}"#
        return Data(text.utf8)
    }
}

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
