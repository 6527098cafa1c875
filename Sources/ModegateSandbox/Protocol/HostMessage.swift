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
