import Foundation
import ModegateCore
import Testing

/// `provider: openai` and `provider: anthropic` end to end through the binary, against fakellm
/// (PyPI) on 127.0.0.1: both strategies complete a preset with a real HTTP tool-call loop. (Kept beside the MCP gate tests
/// for their process helpers.)
@Suite struct ProviderGateRunTests {
    static let fakeConfig = """
        version: 1
        defaults: {fallback: deterministic_echo}
        rules:
          - name: answer
            when: {previous_message_role: assistant}
            respond: {content: '{"sum": 3}'}
          - name: codemode-call
            when: {tools_include: run_code}
            respond:
              tool_calls: [{name: run_code, arguments: {code: "return await tools.add({a: 1, b: 2});"}}]
          - name: toolcall-call
            when: {tools_include: add}
            respond:
              tool_calls: [{name: add, arguments: {a: 1, b: 2}}]
        """

    static let preset = """
        preset: fake_add
        description: One sum through the smoke suite's add tool.
        suite: smoke
        cases:
          - id: add-one-two
            prompt: 'Add 1 and 2 with the add tool. Answer {"sum": NUMBER}.'
            answer_schema: {type: object, required: [sum], properties: {sum: {type: number}}}
            expected: {sum: 3}
            scorer: exact
        """

    @Test(arguments: ["openai", "anthropic"])
    func bothStrategiesCompleteAgainstTheProvidersWireFormat(provider: String) async throws {
        guard let fakellm = MCPPeers.program("fakellm") else { return }
        let workdir = try MCPGateRunTests.Workdir()
        let config = try workdir.write("fakellm.yaml", Self.fakeConfig)
        let port = MCPPeers.freePort()
        let server = try BackgroundServer([fakellm, "serve", "--host", "127.0.0.1", "--port", String(port), "--config", config])
        defer { server.stop() }
        try await server.waitForPort(port)
        let preset = try workdir.write("fake_add.yaml", Self.preset)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [\(preset)], repetitions: 2}
            model: {provider: \(provider), name: fake-model, base_url: "http://127.0.0.1:\(port)/v1", api_key_env: MODEGATE_TEST_KEY, max_retries: 0}
            judgement: {mode: point}
            reports: [{format: json, path: .modegate/verdict.json}]
            """)
        setenv("MODEGATE_TEST_KEY", "sk-modegate-test-secret", 1)
        defer { unsetenv("MODEGATE_TEST_KEY") }
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 2)
            #expect(trials.allSatisfy { $0["completed"] == true && $0["reward"] == 1 }, "\(trials.map(\.jsonText))")
            #expect(trials.allSatisfy { $0["tokens_estimated"] == false && ($0["prompt_tokens"]?.intValue ?? 0) > 0 })
            #expect(trials.allSatisfy { $0["model_requests"] == 2 && $0["tool_calls"] == 1 })
        }
        #expect(records["candidate"]?.allSatisfy { $0["codemode_chain_calls"] == 1 } == true, "\(records["candidate"]?.map(\.jsonText) ?? [])")
        // The key reaches the server, never an artifact.
        let store = workdir.url.appendingPathComponent(".modegate")
        let files = FileManager.default.enumerator(atPath: store.path)?.compactMap { $0 as? String } ?? []
        for file in files {
            let text = (try? String(contentsOf: store.appendingPathComponent(file), encoding: .utf8)) ?? ""
            #expect(!text.contains("sk-modegate-test-secret"), "\(file) holds the key")
        }
        #expect(!run.errors.contains("sk-modegate-test-secret"))
    }

    @Test func anUnsetKeyVariableStopsTheRunBeforeAnyTrial() async throws {
        let workdir = try MCPGateRunTests.Workdir()
        let preset = try workdir.write("fake_add.yaml", Self.preset)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [\(preset)]}
            model: {provider: openai, name: fake-model, base_url: "http://127.0.0.1:9/v1", api_key_env: MODEGATE_UNSET_KEY_VARIABLE}
            reports: []
            """)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 4)
        #expect(run.errors.contains("MODEGATE_UNSET_KEY_VARIABLE"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: workdir.url.appendingPathComponent(".modegate/runs").path))
    }
}
