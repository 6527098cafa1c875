import Foundation
import ModegateCore
import Testing

/// What real model servers do wrong, through the binary: retry sequences in each provider's real
/// error shapes (stubllm, PyPI), and the edges no fake server produces (`Peers/edge_llm.py`):
/// answers slower than the timeout, truncated bodies, tool arguments that are not JSON,
/// `Retry-After`, refused parameters, a key echoed back, a refused key, Azure's 401 and 404, and
/// the same in the Responses API's shapes with its own failures (incomplete, failed). Every failure is a
/// provider error in the trial record and in the transcript, never a crash, never the key.
/// Serialized: each case starts a Python server, and a dozen starting at once on two cores
/// took longer than the start-up wait.
@Suite(.serialized) struct ProviderFailureTests {
    @Test(arguments: ["openai", "openai_responses", "anthropic"])
    func retriesThroughRateLimitsAndOverloadsInTheProvidersErrorShapes(provider: String) async throws {
        let workdir = try Workdir()
        if provider == "openai_responses" { return try await retriesThroughTheResponsesAPIsFailures(in: workdir) }
        guard let stubllm = TestPeers.program("stubllm") else { return }
        let overloaded = provider == "anthropic" ? 529 : 503
        let fixtures = try workdir.write("fixtures.yaml", """
            fixtures:
              - name: first-turn
                match: {provider: \(provider)}
                sequence:
                  - {http_status: 429, error_message: "Rate limit reached for requests"}
                  - {http_status: \(overloaded), error_message: "The server is overloaded"}
                  - {tool_calls: [{id: call_1, type: function, function: {name: add, arguments: '{"a": 1, "b": 2}'}}]}
              - name: answer
                match: {provider: \(provider), messages: [{role: assistant}]}
                response: {content: '{"sum": 3}'}
            """)
        let port = TestPeers.freePort()
        let server = try BackgroundServer([stubllm, "serve", "--host", "127.0.0.1", "--port", String(port), "--fixture-file", fixtures])
        defer { server.stop() }
        try await server.waitForPort(port)
        let gate = try ModelServers.gate(
            in: workdir, model: "provider: \(provider), name: stub-model, base_url: \"http://127.0.0.1:\(port)/v1\", max_retries: 3")
        try await expectRetriedAndFinished(gate, in: workdir)
    }

    /// The run passes, and its first request took three attempts before the 200 that finished the trial.
    private func expectRetriedAndFinished(_ gate: String, in workdir: Workdir) async throws {
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(1500))")
        let baseline = try #require(try workdir.records()["baseline"]?.first)
        #expect(baseline["completed"] == true && baseline["reward"] == 1, "\(baseline.jsonText)")
        let first = try #require(try workdir.transcripts()["baseline"]?.first?["exchanges"]?.arrayValue?.first)
        #expect(first["attempts"] == 3 && first["status"] == 200, "\(first.jsonText.prefix(600))")
    }

    /// stubllm has no Responses API: `edge_llm.py`'s `/flaky/` answers 429, then 500, then plays
    /// a tool loop in the Responses API's shapes.
    private func retriesThroughTheResponsesAPIsFailures(in workdir: Workdir) async throws {
        guard let (server, port) = try await ModelServers.edge() else { return }
        defer { server.stop() }
        let gate = try ModelServers.gate(
            in: workdir, model: "provider: openai_responses, name: edge-model, base_url: \"http://127.0.0.1:\(port)/flaky/v1\", max_retries: 3")
        try await expectRetriedAndFinished(gate, in: workdir)
    }

    struct Edge: Sendable, CustomTestStringConvertible {
        var mode: String
        var model = ""
        /// What the baseline trial's record must show: its error message parts, or nil for a
        /// completed trial.
        var error: [String]?
        /// The error's category: a server that does not answer in time is a `timeout`.
        var category: JSONValue = "provider"
        var check: @Sendable (_ exchange: JSONValue, _ record: JSONValue) -> Bool = { _, _ in true }
        /// `openai` (Chat Completions) or `openai_responses`: the same edge in either API's shapes.
        var provider = "openai"
        var testDescription: String { provider == "openai" ? mode : "\(provider) \(mode)" }

        func on(_ provider: String) -> Edge {
            var edge = self
            edge.provider = provider
            return edge
        }
    }

    /// Every edge in both OpenAI APIs, and the Responses API's own: a refused temperature alone
    /// (it has no max_tokens to refuse), a response the content filter cut short, and a `failed`
    /// status with an error object in an HTTP 200.
    static let edges: [Edge] = chatEdges + chatEdges.filter { $0.mode != "params" }.map { $0.on("openai_responses") } + [
        Edge(mode: "params", check: { exchange, _ in
            let request = exchange["request"]
            return request?["max_output_tokens"] == 2048 && request?["temperature"] == nil && exchange["notes"]?.arrayValue?.count == 1
        }, provider: "openai_responses"),
        Edge(mode: "incomplete", error: ["the response is incomplete (content_filter)"], provider: "openai_responses"),
        Edge(mode: "failed", error: ["the response failed with an error (server_error)", "The model failed to generate a response."],
             provider: "openai_responses"),
    ]

    static let chatEdges: [Edge] = [
        Edge(mode: "slow", model: "timeout_seconds: 1, max_retries: 0",
             error: ["no answer within model.timeout_seconds", "gave up after 1 attempts"], category: "timeout") { exchange, _ in
            exchange["error"] != nil && exchange["response"] == nil && exchange["timed_out"] == true
        },
        Edge(mode: "truncated", model: "max_retries: 1", error: ["no answer from", "transfer closed", "gave up after 2 attempts"]) { exchange, _ in
            exchange["attempts"] == 2
        },
        Edge(mode: "cutjson", error: ["answered with something that is not JSON"]) { exchange, _ in
            exchange["status"] == 200 && exchange["response_text"]?.stringValue?.hasPrefix("{") == true
        },
        Edge(mode: "badargs", error: ["the arguments of tool call 0 (add) are not a JSON object", "{\"a\": 1, \"b\":"]),
        Edge(mode: "retryafter", model: "max_retries: 2") { exchange, _ in
            // Retry-After: 2 outweighs the 0.5 s first backoff.
            exchange["attempts"] == 2 && (exchange["seconds"]?.doubleValue ?? 0) >= 1.9
        },
        Edge(mode: "params") { exchange, _ in
            let request = exchange["request"]
            return request?["max_completion_tokens"] != nil && request?["max_tokens"] == nil && request?["temperature"] == nil
                && exchange["notes"]?.arrayValue?.count == 2
        },
        Edge(mode: "echokey") { _, record in
            record["final_answer"]?["heard"]?.stringValue == "Bearer [redacted:MODEGATE_TEST_KEY]"
        },
        Edge(mode: "denied", error: ["HTTP 401 from", "the server refused the key in MODEGATE_TEST_KEY"]),
    ]

    @Test(arguments: edges)
    func anEdgeOfARealServerIsATypedProviderErrorOrHandled(edge: Edge) async throws {
        let workdir = try Workdir()
        guard let (server, port) = try await ModelServers.edge() else { return }
        defer { server.stop() }
        let gate = try ModelServers.gate(in: workdir, model: """
            provider: \(edge.provider), name: edge-model, base_url: "http://127.0.0.1:\(port)/\(edge.mode)/v1", api_key_env: MODEGATE_TEST_KEY\(edge.model.isEmpty ? "" : ", " + edge.model)
            """)
        let run = try await workdir.modegate(["run", gate], environment: ["MODEGATE_TEST_KEY": ModelServers.key])
        #expect((0...2).contains(run.status), "a provider failure is the trial's, not the run's: \(run.errors.suffix(1500))")
        let record = try #require(try workdir.records()["baseline"]?.first)
        let exchange = try #require(try workdir.transcripts()["baseline"]?.first?["exchanges"]?.arrayValue?.first)
        if let parts = edge.error {
            #expect(record["error"]?["category"] == edge.category, "\(record.jsonText)")
            let message = record["error"]?["message"]?.stringValue ?? ""
            for part in parts { #expect(message.contains(part), "\(message)") }
            #expect(exchange["error"]?.stringValue == message)
        } else {
            #expect(record["completed"] == true, "\(record.jsonText)")
        }
        #expect(edge.check(exchange, record), "\(exchange.jsonText.prefix(1500))")
        for file in workdir.artifacts() { #expect(!file.text.contains(ModelServers.key), "\(file.path) holds the key") }
        #expect(!run.errors.contains(ModelServers.key))
    }

    @Test(arguments: [
        ("wrong-key", "the server refused the key in MODEGATE_TEST_KEY"),
        ("wrong-deployment", "HTTP 404"),
    ])
    func azureRefusalsNameTheFix(case name: String, expected: String) async throws {
        let workdir = try Workdir()
        guard let (server, port) = try await ModelServers.edge(upstream: 9, azureKey: "the-right-azure-key") else { return }
        defer { server.stop() }
        let deployment = name == "wrong-deployment" ? "no-such-deployment" : "gpt-test-deploy"
        let gate = try ModelServers.gate(in: workdir, model: """
            provider: azure_openai, name: \(deployment), base_url: "http://127.0.0.1:\(port)/azure", api_version: "2024-10-21", api_key_env: MODEGATE_TEST_KEY
            """)
        let key = name == "wrong-key" ? ModelServers.key : "the-right-azure-key"
        let run = try await workdir.modegate(["run", gate], environment: ["MODEGATE_TEST_KEY": key])
        #expect((0...2).contains(run.status), "\(run.errors.suffix(1500))")
        let record = try #require(try workdir.records()["baseline"]?.first)
        let message = record["error"]?["message"]?.stringValue ?? ""
        #expect(message.contains(expected), "\(message)")
        #expect(name != "wrong-deployment" || message.contains("no such model or deployment"), "\(message)")
        for file in workdir.artifacts() { #expect(!file.text.contains(key), "\(file.path) holds the key") }
    }
}
