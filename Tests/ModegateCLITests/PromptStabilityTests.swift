import Foundation
import Testing

/// Provider prompt caches hit only when a conversation's prefix repeats byte for byte: within an
/// arm, the system prompt and the tools (declarations and schemas) must be identical on every
/// turn of every trial that uses the same suite. Read off the transcripts of the default gate.
@Suite struct PromptStabilityTests {
    @Test func systemPromptAndToolsAreByteStableWithinAnArm() async throws {
        let scratch = try Scratch()
        let gate = ModegateBinary.repository.appendingPathComponent("gates/codemode.yaml").path
        let result = try await ModegateBinary.run(["run", gate], in: scratch.url, timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent(".modegate/runs").path)
        #expect(runs.count == 2)
        for run in runs {
            let text = try scratch.read(".modegate/runs/\(run)/transcripts.jsonl")
            // Per preset (its suite fixes the tools): every distinct system prompt and tool list.
            var prefixes: [String: Set<String>] = [:]
            var requests = 0
            for line in text.split(separator: "\n") {
                let transcript = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let preset = transcript["preset"] as? String ?? ""
                for exchange in transcript["exchanges"] as? [[String: Any]] ?? [] {
                    let request = exchange["request"] as? [String: Any] ?? [:]
                    let system = (request["messages"] as? [[String: Any]])?.first?["content"] as? String ?? ""
                    let tools = try JSONSerialization.data(withJSONObject: request["tools"] ?? [], options: [.sortedKeys])
                    prefixes[preset, default: []].insert(system + "\u{0}" + String(decoding: tools, as: UTF8.self))
                    requests += 1
                }
            }
            #expect(requests > 100, "\(run)")
            for (preset, distinct) in prefixes {
                #expect(distinct.count == 1, "\(run) \(preset): \(distinct.count) different system prompts or tool lists")
            }
            if run.hasSuffix("-candidate") {
                #expect(prefixes.values.allSatisfy { $0.first?.contains("declare const tools: {") == true })
            }
        }
    }
}
