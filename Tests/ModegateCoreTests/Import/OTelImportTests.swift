import Foundation
import Testing
@testable import ModegateCore

/// The OTel import's mapping on small hand-written OTLP JSON: spans to trials, tool calls and
/// servers, repetitions and scores; `OTelImportErrorTests` has what it refuses.
@Suite struct OTelImportTests {
    typealias F = OTLPFixture

    func run(_ files: [(String, Data)], scores: (String, String)? = nil, settings: OTelImportSettings = F.settings()) throws -> ImportedRun {
        switch F.importing(files, scores: scores, settings: settings) {
        case .success(let run): return run
        case .failure(let error):
            Issue.record("unexpected diagnostics: \(error)")
            throw error
        }
    }

    @Test func oneTrialPerAgentWithItsChatsToolsAndServersFromSpansInAnyOrderAcrossFiles() throws {
        let spans = [
            F.agent("a000000000000001", case: "c1", repetition: 0, reward: 0.5),
            F.chat("c000000000000001", parent: "a000000000000001", start: 10, tokens: (100, 20)),
            F.tool("d000000000000001", parent: "a000000000000001", name: "git_log", start: 120, server: "git", result: "abcd"),
            F.tool("d000000000000002", parent: "a000000000000001", name: "local", start: 140, result: "xy", error: "boom"),
            F.chat("c000000000000002", parent: "a000000000000001", start: 200, tokens: (150, 30)),
        ]
        // Children before their parent, and split over two files.
        let run = try self.run([("b.jsonl", F.file(Array(spans[3...].reversed()))), ("a.jsonl", F.file(Array(spans[..<3].reversed())))])
        let trial = try #require(run.trials.first)
        #expect(run.trials.count == 1)
        #expect(run.manifest.runID == "t-baseline")
        #expect(run.manifest.arm == .baseline && run.manifest.strategy == .toolCall)
        #expect(trial.pairKey == PairKey(preset: "otel", caseID: "c1", repetition: 0))
        #expect(trial.reward == 0.5 && trial.completed && trial.error == nil)
        #expect(trial.steps == 2 && trial.modelRequests == 2)
        #expect(trial.promptTokens == 250 && trial.completionTokens == 50 && !trial.tokensEstimated)
        #expect(trial.toolCalls == 2 && trial.failedToolCalls == 1 && trial.mcpToolCalls == 1)
        #expect(trial.toolResponseBytes == 8 && trial.modelVisibleToolBytes == 8)  // "abcd" + "boom"
        #expect(abs(trial.latency.total - 1.0) < 1e-9 && abs(trial.latency.model - 0.2) < 1e-9 && abs(trial.latency.tool - 0.02) < 1e-9)
        #expect(trial.serverAdoption?["git"]?.calls == 1 && trial.serverAdoption?["git"]?.otherCalls == 1)
        #expect(run.summary.mcpEnabled && run.summary.mcpServer == "git")
        let transcript = try #require(run.transcripts.first)
        #expect(transcript.format == OTelTranscriptFormat.name && transcript.provider == "openai" && transcript.model == "gpt-x")
        #expect(transcript.toolCalls?.map(\.name) == ["git_log", "local"])
        #expect(transcript.toolCalls?.map(\.turn) == [1, 1])
        #expect(transcript.toolCalls?[1].error == "boom")
        #expect(OTelTranscriptFormat.tokens(in: transcript.exchanges.compactMap(\.response)) == RunVerifier.Tokens(prompt: 250, completion: 50, cached: 0))
    }

    @Test func aCodeModeProgramsCallsAreItsToolCallsAndItsTimeIsSandboxTime() throws {
        let spans = [
            F.agent("a000000000000001", case: "c1"),
            F.chat("c000000000000001", parent: "a000000000000001", start: 10, tokens: (10, 5)),
            F.tool("d000000000000001", parent: "a000000000000001", name: "run_code", start: 120, result: "{\"ok\":1}"),
            F.tool("d000000000000002", parent: "d000000000000001", name: "search", start: 121, server: "web", result: "0123456789"),
            F.tool("d000000000000003", parent: "d000000000000001", name: "fetch", start: 125, server: "web", result: "0123456789"),
        ]
        let trial = try #require(try run([("f", F.file(spans))], settings: F.settings(.candidate)).trials.first)
        #expect(trial.strategy == .codemode)
        #expect(trial.codemodeChainCalls == 1 && trial.toolCalls == 2 && trial.mcpToolCalls == 2)
        #expect(trial.toolResponseBytes == 20 && trial.modelVisibleToolBytes == 8)
        #expect(abs(trial.latency.sandbox - 0.01) < 1e-9 && abs(trial.latency.tool - 0.02) < 1e-9)
        #expect(trial.serverAdoption?["web"]?.calls == 2 && trial.serverAdoption?["web"]?.bursts == 1)
    }

    @Test func anMCPClientSpanUnderItsToolSpanIsTheSameCallAndNamesTheServerByAddress() throws {
        var transport = F.Span(
            id: "e000000000000001", parent: "d000000000000001", name: "tools/call git_log", start: F.at(121), end: F.at(129),
            attributes: [("mcp.method.name", "tools/call"), ("gen_ai.tool.name", "git_log"), ("server.address", "127.0.0.1"), ("server.port", 8000)])
        transport.error = "-32603"
        let spans = [
            F.agent("a000000000000001", case: "c1"),
            F.tool("d000000000000001", parent: "a000000000000001", name: "git_log", start: 120),
            transport,
        ]
        let run = try run([("f", F.file(spans))])
        let trial = try #require(run.trials.first)
        #expect(trial.toolCalls == 1 && trial.failedToolCalls == 1 && trial.mcpToolCalls == 1)
        #expect(run.transcripts.first?.toolCalls?.first?.server == "127.0.0.1:8000")
        #expect(run.transcripts.first?.toolCalls?.first?.error == "-32603")
    }

    @Test func repetitionsAreNumberedInStartOrderAndTheCaseMayComeFromAnAncestorOrTheResource() throws {
        let harness = F.Span(trace: "1af7651916cd43dd8448eb211c80319c", id: "f000000000000001", name: "eval", start: F.at(0), end: F.at(5000),
                             attributes: [("modegate.case.id", "from-parent")])
        var nested = F.agent("a000000000000003", case: nil, start: 2000, trace: "1af7651916cd43dd8448eb211c80319c")
        nested.parent = harness.id
        let lines = [
            F.line([F.agent("a000000000000002", case: nil, start: 3000)], resource: [("modegate.case.id", "from-resource")]),
            F.line([F.agent("a000000000000001", case: nil, start: 1000)], resource: [("modegate.case.id", "from-resource")]),
            F.line([harness, nested]),
        ]
        let run = try run([("f", Data(lines.joined(separator: "\n").utf8))])
        #expect(run.trials.map(\.pairKey.description) == ["otel/from-parent#0", "otel/from-resource#0", "otel/from-resource#1"])
        // Repetition 0 is the one that started first.
        #expect(run.trials[1].startedAt < run.trials[2].startedAt)
        #expect(run.manifest.repetitions == 2 && run.manifest.plannedTrials == 3)
    }

    @Test func theScoresFileWinsOverAttributesAndAFailedAgentDidNotComplete() throws {
        let spans = [
            F.agent("a000000000000001", case: "c1", repetition: 0, reward: 0.2),
            F.agent("a000000000000002", case: "c1", repetition: 1, reward: nil, start: 2000, trace: "2af7651916cd43dd8448eb211c80319c", error: "gave up"),
            F.agent("a000000000000003", case: "c2", repetition: 0, reward: nil, start: 4000, trace: "3af7651916cd43dd8448eb211c80319c"),
        ]
        let scores = #"{"case_id":"c1","reward":0.9}"# + "\n" + #"{"case_id":"c2","repetition":0,"reward":1,"completed":false}"# + "\n"
        let run = try run([("f", F.file(spans))], scores: ("s.jsonl", scores))
        #expect(run.trials.map(\.reward) == [0.9, 0.9, 1])
        #expect(run.trials.map(\.completed) == [true, false, false])
        #expect(run.trials[1].error == TrialError(category: .model, message: "gave up"))
    }

    @Test func theRunIsStoredWholeAndNeverOverAnother() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("otel-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = RunStore(root: root)
        let imported = try run([("f", F.file([F.agent("a000000000000001", case: "c1")]))])
        let folder = try store.add(imported)
        #expect(folder.lastPathComponent == "t-baseline")
        let stored = try store.open(try store.resolve(.named("t-baseline"), workingDirectory: root))
        #expect(stored.trials.count == 1 && stored.isFinished && stored.manifest?.arm == .baseline)
        #expect(throws: StoreError.alreadyExists(path: folder.path)) { try store.add(imported) }
        let left = try FileManager.default.contentsOfDirectory(atPath: store.runsFolder.path)
        #expect(left == ["t-baseline"], "no staging folder is left behind")
    }
}
