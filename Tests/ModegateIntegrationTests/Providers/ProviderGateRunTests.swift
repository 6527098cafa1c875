import Foundation
import ModegateCore
import Testing

/// `provider: openai`, `openai_responses`, `azure_openai` and `anthropic` end to end through the
/// binary, against fakellm (PyPI) on 127.0.0.1 (Azure through `edge_llm.py`, which checks Azure's
/// URL and key header and forwards to fakellm; the Responses API against `edge_llm.py`'s tool loop): both strategies complete a preset with a real HTTP tool-call
/// loop, usage is the server's, the key never reaches an artifact, and a replay of the recorded
/// run, with the server gone and no key, gives the same verdict.
/// Serialized: each case starts a Python server, and a dozen starting at once on two cores
/// took longer than the start-up wait.
@Suite(.serialized) struct ProviderGateRunTests {
    enum Shape: String, CaseIterable, Sendable {
        case openai, openaiResponses = "openai_responses", anthropic
        case azureResource = "azure-resource", azureDeploymentURL = "azure-deployment-url"

        /// The transcripts' format.
        var format: String {
            switch self {
            case .anthropic: "anthropic_messages"
            case .openaiResponses: "openai_responses"
            default: "openai_chat"
            }
        }
    }

    @Test(arguments: Shape.allCases)
    func bothStrategiesCompleteAndReplayReproducesTheVerdict(shape: Shape) async throws {
        let workdir = try Workdir()
        guard let (fake, fakePort) = try await ModelServers.fakellm(in: workdir) else { return }
        defer { fake.stop() }
        var azure: BackgroundServer?
        defer { azure?.stop() }
        let model: String
        switch shape {
        case .openai, .anthropic:
            model = "provider: \(shape.rawValue), name: fake-model, base_url: \"http://127.0.0.1:\(fakePort)/v1\""
        case .openaiResponses:
            // fakellm has no Responses API: edge_llm.py's /loop/ plays the same tool loop in its shapes.
            guard let (edge, edgePort) = try await ModelServers.edge() else { return }
            azure = edge
            model = "provider: openai_responses, name: fake-model, base_url: \"http://127.0.0.1:\(edgePort)/loop/v1\""
        case .azureResource, .azureDeploymentURL:
            guard let (edge, edgePort) = try await ModelServers.edge(upstream: fakePort) else { return }
            azure = edge
            model = shape == .azureResource
                ? "provider: azure_openai, name: gpt-test-deploy, base_url: \"http://127.0.0.1:\(edgePort)/azure\", api_version: \"2024-10-21\""
                : "provider: azure_openai, name: gpt-test-deploy, base_url: \"http://127.0.0.1:\(edgePort)/azure/openai/deployments/gpt-test-deploy/chat/completions?api-version=2024-10-21\""
        }
        let gate = try ModelServers.gate(
            in: workdir, model: model + ", api_key_env: MODEGATE_TEST_KEY, max_retries: 0", repetitions: 2)
        let run = try await workdir.modegate(["run", gate], environment: ["MODEGATE_TEST_KEY": ModelServers.key])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        #expect(run.errors.contains("estimate: baseline: 2 trials"), "the pre-flight estimate is printed: \(run.errors.prefix(1500))")
        let records = try workdir.records()
        let transcripts = try workdir.transcripts()
        let toolCallsPerTrial = ["baseline": 2, "candidate": 1]
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 2)
            #expect(trials.allSatisfy { $0["completed"] == true && $0["reward"] == 1 }, "\(trials.map(\.jsonText))")
            #expect(trials.allSatisfy { $0["tokens_estimated"] == false && ($0["prompt_tokens"]?.intValue ?? 0) > 0 })
            #expect(trials.allSatisfy { $0["model_requests"] == 2 && $0["tool_calls"]?.intValue == toolCallsPerTrial[arm] },
                    "\(trials.map(\.jsonText))")
            // Every request and answer is on record, as it went over the wire.
            let lines = transcripts[arm] ?? []
            #expect(lines.count == 2)
            for line in lines {
                let exchanges = line["exchanges"]?.arrayValue ?? []
                #expect(exchanges.count == 2 && exchanges.allSatisfy { $0["status"] == 200 && $0["response"] != nil })
                #expect(line["format"]?.stringValue == shape.format)
                let endpoint = exchanges.first?["endpoint"]?.stringValue ?? ""
                #expect(shape == .openai || shape == .anthropic || endpoint.hasSuffix(shape == .openaiResponses
                        ? "/loop/v1/responses" : "/azure/openai/deployments/gpt-test-deploy/chat/completions"),
                        "\(endpoint)")
            }
        }
        #expect(records["candidate"]?.allSatisfy { $0["codemode_chain_calls"] == 1 } == true)
        if shape == .openaiResponses {
            // usage.input_tokens_details.cached_tokens: 100 of each request's 120 input tokens.
            let trials = (records["baseline"] ?? []) + (records["candidate"] ?? [])
            #expect(trials.allSatisfy { $0["prompt_tokens"] == 240 && $0["cached_tokens"] == 200 }, "\(trials.map(\.jsonText))")
        }
        // The key reaches the server, never an artifact.
        for file in workdir.artifacts() { #expect(!file.text.contains(ModelServers.key), "\(file.path) holds the key") }
        #expect(!run.errors.contains(ModelServers.key))
        let recorded = try ModelServers.comparableVerdict(workdir)

        // The recording replays with the servers gone and the key unset, to the same verdict.
        fake.stop()
        azure?.stop()
        let replay = try await workdir.modegate(["run", gate, "--replay", "latest"])
        #expect(replay.status == 0, "\(replay.errors.suffix(2000))")
        #expect(!replay.errors.contains("estimate:"), "a replay costs nothing, so it prints no estimate")
        #expect(try ModelServers.comparableVerdict(workdir) == recorded)
        let replayed = try workdir.transcripts()
        #expect(replayed["baseline"]?.allSatisfy { $0["provider"] == "replay" } == true)
    }

    /// A Responses API recording replays request by request like the others: a conversation that
    /// changed since (here the prompt of the one baseline trial) is a miss that names the differing
    /// `input` item, the run exits 4, and the trial is kept with a provider error.
    @Test func aChangedResponsesConversationIsAReplayMissThatNamesTheInputItem() async throws {
        let workdir = try Workdir()
        guard let (edge, port) = try await ModelServers.edge() else { return }
        defer { edge.stop() }
        let gate = try ModelServers.gate(in: workdir, model: """
            provider: openai_responses, name: fake-model, base_url: "http://127.0.0.1:\(port)/loop/v1", api_key_env: MODEGATE_TEST_KEY, max_retries: 0
            """)
        let run = try await workdir.modegate(["run", gate], environment: ["MODEGATE_TEST_KEY": ModelServers.key])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        edge.stop()
        let runs = workdir.url.appendingPathComponent(".modegate/runs")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-baseline") })
        let file = runs.appendingPathComponent("\(folder)/transcripts.jsonl")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("Add 1 and 2 with the add tool."))
        try text.replacingOccurrences(of: "Add 1 and 2 with the add tool.", with: "Add 2 and 1 with the add tool.")
            .write(to: file, atomically: true, encoding: .utf8)
        let replay = try await workdir.modegate(["run", gate, "--replay", "latest"])
        #expect(replay.status == 4, "\(replay.errors.suffix(2000))")
        #expect(replay.errors.contains("replay: 1 request(s) did not match the recording"), "\(replay.errors)")
        #expect(replay.errors.contains("request 1 differs from the recording at $.input[0].content: recorded \"Add 2 and 1"), "\(replay.errors)")
        let records = try workdir.records()
        #expect(records["baseline"]?.count == 1, "no trial is lost")
        #expect(records["baseline"]?.first?["error"]?["category"] == "provider")
        #expect(records["candidate"]?.first?["completed"] == true, "the candidate's recording still matches")
    }

    @Test func theBudgetIsCountedFromTheServersUsage() async throws {
        let workdir = try Workdir()
        guard let (fake, port) = try await ModelServers.fakellm(in: workdir) else { return }
        defer { fake.stop() }
        // One input token costs 1: the first request's real prompt (about 100 tokens) spends it all.
        let gate = try ModelServers.gate(in: workdir, model: """
            provider: openai, name: fake-model, base_url: "http://127.0.0.1:\(port)/v1", max_retries: 0,
            pricing: {input_per_million: 1000000, output_per_million: 0, currency: USD}
            """, repetitions: 3, extra: "budget: {max_cost: 100}")
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 4, "\(run.errors.suffix(1500))")
        #expect(run.errors.contains("budget max_cost (100.00) exhausted"), "\(run.errors)")
        let trials = try workdir.records()["baseline"] ?? []
        #expect(trials.count == 1, "no trial starts once the budget is spent")
        let trial = try #require(trials.first)
        #expect(trial["error"]?["category"] == "budget")
        #expect(trial["cost"]?.doubleValue == trial["prompt_tokens"]?.doubleValue && (trial["prompt_tokens"]?.intValue ?? 0) > 50, "\(trial.jsonText)")
    }

    @Test func anUnsetKeyVariableStopsTheRunBeforeAnyTrial() async throws {
        let workdir = try Workdir()
        let gate = try ModelServers.gate(
            in: workdir, model: "provider: openai, name: fake-model, base_url: \"http://127.0.0.1:9/v1\", api_key_env: MODEGATE_UNSET_KEY_VARIABLE")
        for arguments in [["run", gate], ["run", gate, "--dry-run"]] {
            let run = try await workdir.modegate(arguments)
            #expect(run.status == 4)
            #expect(run.errors.contains("MODEGATE_UNSET_KEY_VARIABLE"), "\(run.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: workdir.url.appendingPathComponent(".modegate/runs").path))
    }

    @Test func aDryRunResolvesThePlanAndPrintsTheEstimateWithoutCallingTheModel() async throws {
        let workdir = try Workdir()
        // Nothing listens on port 9: a request would fail the run.
        let gate = try ModelServers.gate(
            in: workdir, model: "provider: anthropic, name: claude-test, base_url: \"http://127.0.0.1:9/v1\", api_key_env: MODEGATE_TEST_KEY, pricing: {input_per_million: 3, output_per_million: 15, currency: USD}",
            repetitions: 3, extra: "budget: {max_model_requests: 4, max_cost: 1.0}")
        let run = try await workdir.modegate(["run", gate, "--dry-run"], environment: ["MODEGATE_TEST_KEY": ModelServers.key])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("estimate: baseline: 3 trials, ~6 model requests (at most 72)"), "\(run.output)")
        #expect(run.output.contains("estimate: candidate: 3 trials"), "\(run.output)")
        #expect(run.output.contains("cost: ~0.0"), "\(run.output)")
        #expect(run.output.contains("budget max_model_requests 4: the expected requests exceed it"), "\(run.output)")
        #expect(run.output.contains("model: anthropic claude-test at http://127.0.0.1:9/v1/messages, key from MODEGATE_TEST_KEY (set)"), "\(run.output)")
        #expect(!run.output.contains(ModelServers.key) && !run.errors.contains(ModelServers.key))
        #expect(!FileManager.default.fileExists(atPath: workdir.url.appendingPathComponent(".modegate/runs").path))
    }
}
