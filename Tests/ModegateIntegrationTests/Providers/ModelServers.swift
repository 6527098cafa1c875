import Foundation
import ModegateCore

/// The fake model servers the provider tests start on 127.0.0.1, and the gate they run.
enum ModelServers {
    /// One sum through the smoke suite's `add` tool: the smallest preset a tool loop completes.
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
            reference: 'const r = await tools.add({a: 1, b: 2}); return {sum: r.sum};'
        """

    /// fakellm rules: the tool-call arm calls `add` twice in one turn (parallel tool calls), the
    /// Code Mode arm runs a program that calls it, and once a result came back it answers.
    static let fakellmRules = """
        version: 1
        defaults: {fallback: deterministic_echo}
        rules:
          - name: answer
            when: {previous_message_role: assistant}
            respond: {content: '{"sum": 3}'}
          - name: answer-after-parallel-calls
            when: {messages_contain: '"sum":3'}
            respond: {content: '{"sum": 3}'}
          - name: codemode-call
            when: {tools_include: run_code}
            respond:
              tool_calls: [{name: run_code, arguments: {code: "return await tools.add({a: 1, b: 2});"}}]
          - name: toolcall-call
            when: {tools_include: add}
            respond:
              tool_calls: [{name: add, arguments: {a: 1, b: 2}}, {name: add, arguments: {a: 2, b: 1}}]
        """

    static let key = "sk-modegate-test-secret-7f3a9c"

    /// Starts fakellm with `fakellmRules`; returns the server and its port.
    static func fakellm(in workdir: Workdir) async throws -> (BackgroundServer, Int)? {
        guard let fakellm = TestPeers.program("fakellm") else { return nil }
        let config = try workdir.write("fakellm.yaml", fakellmRules)
        let port = TestPeers.freePort()
        let server = try BackgroundServer([fakellm, "serve", "--host", "127.0.0.1", "--port", String(port), "--config", config])
        try await server.waitForPort(port)
        return (server, port)
    }

    /// Starts `Peers/edge_llm.py`; with `upstream` it also plays Azure OpenAI in front of it.
    static func edge(upstream: Int? = nil, azureKey: String = key, deployment: String = "gpt-test-deploy") async throws -> (BackgroundServer, Int)? {
        guard let python = TestPeers.python else { return nil }
        let port = TestPeers.freePort()
        var command = [python, TestPeers.script("edge_llm.py"), String(port)]
        if let upstream { command += ["http://127.0.0.1:\(upstream)", azureKey, deployment] }
        let server = try BackgroundServer(command)
        try await server.waitForPort(port)
        return (server, port)
    }

    /// A gate over `fake_add` with the given `model:` body (flow-style YAML, without braces).
    static func gate(in workdir: Workdir, model: String, repetitions: Int = 1, extra: String = "") throws -> String {
        let preset = try workdir.write("fake_add.yaml", preset)
        return try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [\(preset)], repetitions: \(repetitions), concurrency: 1}
            model: {\(model)}
            judgement: {mode: point}
            reports: [{format: json, path: .modegate/verdict.json}]
            \(extra)
            """)
    }

    /// The verdict JSON a run wrote, without what differs between any two runs (ids, times,
    /// paths, latency).
    static func comparableVerdict(_ workdir: Workdir) throws -> JSONValue {
        let text = try String(contentsOf: workdir.url.appendingPathComponent(".modegate/verdict.json"), encoding: .utf8)
        return strip(try JSONValue.parse(text))
    }

    private static func strip(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let varying: Set<String> = ["id", "path", "generated_at", "p95_latency_seconds", "started_at", "finished_at"]
            return .object(object.filter { !varying.contains($0.key) }.mapValues(strip))
        case .array(let array):
            // Latency is measured again in a replay: the costs' latency figures differ.
            return .array(array.filter { !($0["name"]?.stringValue?.hasPrefix("latency") ?? false) }.map(strip))
        default: return value
        }
    }
}
