import Foundation
import ModegateCore
import Testing

/// Arms that play different models, through the binary against fakellm on 127.0.0.1: each arm's
/// requests name its model, its trials are costed at its prices, its manifest names it, and
/// every report names the difference; the recording replays to the same verdict.
@Suite struct ArmModelRunTests {
    @Test func eachArmPlaysItsOwnModelAndTheVerdictNamesTheDifference() async throws {
        let workdir = try Workdir()
        guard let (fake, port) = try await ModelServers.fakellm(in: workdir) else { return }
        defer { fake.stop() }
        // No shared name: each arm names its own model; the candidate's input costs twice as much.
        let gate = try ModelServers.gate(in: workdir, model: """
            provider: openai, base_url: "http://127.0.0.1:\(port)/v1", api_key_env: MODEGATE_TEST_KEY, max_retries: 0,
            pricing: {input_per_million: 1000000, output_per_million: 0, currency: USD}
            """, repetitions: 2, extra: """
            baseline: {model: {name: small-model}}
            candidate: {model: {name: large-model, pricing: {input_per_million: 2000000, output_per_million: 0}}}
            """)
        let environment = ["MODEGATE_TEST_KEY": ModelServers.key]
        let check = try await workdir.modegate(["check", gate], environment: environment)
        #expect(check.status == 0 && check.errors.contains("the arms differ in: model name small-model → large-model; model pricing differs"),
                "\(check.errors)")

        let dryRun = try await workdir.modegate(["run", gate, "--dry-run"], environment: environment)
        let endpoint = "http://127.0.0.1:\(port)/v1/chat/completions, key from MODEGATE_TEST_KEY (set)"
        #expect(dryRun.output.contains("model: baseline openai small-model at \(endpoint); candidate openai large-model at \(endpoint)"),
                "\(dryRun.output.prefix(1500))")

        let run = try await workdir.modegate(["run", gate], environment: environment)
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let names = ["baseline": "small-model", "candidate": "large-model"]
        let records = try workdir.records()
        let transcripts = try workdir.transcripts()
        for folder in try workdir.runFolders() {
            let arm = folder.lastPathComponent.hasSuffix("-baseline") ? "baseline" : "candidate"
            let manifest = try JSONValue.parse(String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8))
            #expect(manifest["model"]?.stringValue == names[arm], "\(arm): \(manifest["model"] ?? nil)")
        }
        for (arm, name) in names {
            let trials = records[arm] ?? []
            #expect(trials.count == 2 && trials.allSatisfy { $0["reward"] == 1 }, "\(arm): \(trials.first?.jsonText.prefix(600) ?? "")")
            // Each request went to the arm's model, and each trial is costed at the arm's prices.
            let requested = Set((transcripts[arm] ?? []).flatMap { $0["exchanges"]?.arrayValue ?? [] }.compactMap { $0["request"]?["model"]?.stringValue })
            #expect(requested == [name], "\(arm): \(requested)")
            let price = arm == "baseline" ? 1.0 : 2.0
            #expect(trials.allSatisfy { $0["cost"]?.doubleValue == price * ($0["prompt_tokens"]?.doubleValue ?? -1) },
                    "\(arm): \(trials.map { "\($0["cost"] ?? nil) for \($0["prompt_tokens"] ?? nil)" })")
        }
        let verdict = try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent(".modegate/verdict.json"), encoding: .utf8))
        #expect(verdict["arm_differences"]?.arrayValue?.prefix(2) == ["model name small-model → large-model", "model pricing differs"],
                "\(verdict["arm_differences"]?.jsonText ?? "")")
        for file in workdir.artifacts() { #expect(!file.text.contains(ModelServers.key), "\(file.path) holds the key") }

        // Replayed from the recording, with no server and no key: each arm finds its own model's answers.
        let recorded = try ModelServers.comparableVerdict(workdir)
        let stem = try #require(try workdir.runFolders().first?.lastPathComponent.replacingOccurrences(of: "-baseline", with: ""))
        fake.stop()
        let replayed = try await workdir.modegate(["run", gate, "--replay", stem])
        #expect(replayed.status == 0, "\(replayed.errors.suffix(1500))")
        #expect(try ModelServers.comparableVerdict(workdir) == recorded)
    }
}
