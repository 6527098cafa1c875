import Foundation
import ModegateCore
import Testing

/// `run --trace` through the binary: every trial as GenAI spans into a real receiver (Arize
/// Phoenix, started on 127.0.0.1), read back from Phoenix's own API and imported by `import
/// otel` into runs that judge as the gate's own did; the same through an OTLP JSON file; and
/// receivers that refuse, hang or are not there, which lose spans but never the gate.
@Suite(.serialized) struct TraceExportTests {
    static let gate = """
        version: 1
        workload: {presets: [smoke], repetitions: 2}
        judgement: {mode: point}
        reports: [{format: json, path: .modegate/verdict.json}]
        """

    /// `name status observed` of every gate, and the verdict's status.
    static func figures(_ verdict: JSONValue) -> [String] {
        (verdict["gates"]?.arrayValue ?? []).map {
            "\($0["name"]?.stringValue ?? "?") \($0["status"]?.stringValue ?? "?") \(String(format: "%.9f", $0["observed"]?.doubleValue ?? .nan))"
        } + ["status \(verdict["status"]?.stringValue ?? "?")"]
    }

    static func verdict(_ workdir: Workdir, _ path: String) throws -> JSONValue {
        try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent(path), encoding: .utf8))
    }

    /// Both arms imported back from `file` (one arm each, by `modegate.arm`) and judged.
    static func importedVerdict(_ workdir: Workdir, _ file: String) async throws -> JSONValue {
        for arm in ["baseline", "candidate"] {
            let imported = try await workdir.modegate(["import", "otel", file, "--arm", arm, "--name", "back", "--only", "modegate.arm=\(arm)"])
            #expect(imported.status == 0, "\(imported.errors.suffix(1500))")
        }
        let judged = try await workdir.modegate(
            ["validate", "--candidate", "back-candidate", "--baseline", "back-baseline", "--report", "json:back.json"])
        #expect(judged.status == 0, "\(judged.errors.suffix(800))")
        return try verdict(workdir, "back.json")
    }

    /// What `program arguments` prints; throws when it fails.
    static func output(of program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PeerError("\(arguments[0]) exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func phoenixReceivesEveryTrialAndItsSpansImportBackAsTheSameVerdict() async throws {
        guard let phoenix = TestPeers.program("phoenix", venv: ".venv-phoenix"), let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let port = TestPeers.freePort()
        let data = workdir.url.appendingPathComponent("phoenix")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let server = try BackgroundServer([phoenix, "serve"], environment: [
            "PHOENIX_HOST": "127.0.0.1", "PHOENIX_PORT": "\(port)", "PHOENIX_GRPC_PORT": "\(TestPeers.freePort())",
            "PHOENIX_WORKING_DIR": data.path, "PHOENIX_TELEMETRY_ENABLED": "false",
        ])
        defer { server.stop() }
        try await server.waitForPort(port, seconds: 180)

        let gate = try workdir.write("gate.yaml", Self.gate)
        let run = try await workdir.modegate(
            ["run", gate, "--trace", "otlp-http:http://127.0.0.1:\(port)"],
            environment: ["OTEL_RESOURCE_ATTRIBUTES": "openinference.project.name=modegate-gate"])
        #expect(run.status == 0, "\(run.errors.suffix(1500))")
        let sent = try #require(run.errors.firstMatch(of: /trace: (\d+) trials \((\d+) spans\) sent to http:\/\/127\.0\.0\.1:\d+\/v1\/traces\n/),
                                "\(run.errors.suffix(800))")
        let trials = Int(sent.1) ?? 0
        let spans = Int(sent.2) ?? 0
        let played = try workdir.records().values.map(\.count).reduce(0, +)
        #expect(trials == played && spans > trials * 2, "\(trials) trials, \(spans) spans, \(played) played")

        // Phoenix files spans in the background: read its project until every span is there.
        let readBack = workdir.url.appendingPathComponent("phoenix-spans.jsonl").path
        let count = { @Sendable () -> Int in
            let read = try? Self.output(of: python, [TestPeers.script("phoenix_spans.py"), "http://127.0.0.1:\(port)", "modegate-gate", readBack])
            return Int(read?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        }
        _ = try await Poll.until(seconds: 60, every: 0.5) { count() >= spans }
        let stored = count()
        #expect(stored == spans, "Phoenix holds \(stored) of the \(spans) spans sent")

        // What Phoenix shows: one agent span per trial, model and tool spans under it, and
        // each program's tool calls under its run_code span.
        let line = try String(contentsOfFile: readBack, encoding: .utf8)
        let all = try JSONValue.parse(line)["resourceSpans"]?.arrayValue?.first?["scopeSpans"]?.arrayValue?.first?["spans"]?.arrayValue ?? []
        func attribute(_ span: JSONValue, _ key: String) -> String? {
            span["attributes"]?.arrayValue?.first(where: { $0["key"]?.stringValue == key })?["value"]?["stringValue"]?.stringValue
        }
        let roots = all.filter { $0["parentSpanId"] == nil }
        #expect(roots.count == trials)
        #expect(roots.allSatisfy { attribute($0, "gen_ai.operation.name") == "invoke_agent" && attribute($0, "openinference.span.kind") == "AGENT" })
        let chats = all.filter { attribute($0, "gen_ai.operation.name") == "chat" }
        #expect(!chats.isEmpty && chats.allSatisfy { attribute($0, "openinference.span.kind") == "LLM" })
        let programs = Set(all.filter { attribute($0, "gen_ai.tool.name") == "run_code" }.compactMap { $0["spanId"]?.stringValue })
        #expect(!programs.isEmpty)
        #expect(all.contains { programs.contains($0["parentSpanId"]?.stringValue ?? "") && attribute($0, "gen_ai.operation.name") == "execute_tool" },
                "a program's calls are children of its run_code span")

        let imported = try await Self.importedVerdict(workdir, readBack)
        #expect(Self.figures(imported) == Self.figures(try Self.verdict(workdir, ".modegate/verdict.json")))
    }

    @Test func aTraceFileImportsBackAsTheSameVerdict() async throws {
        let workdir = try Workdir()
        let gate = try workdir.write("gate.yaml", Self.gate)
        let run = try await workdir.modegate(["run", gate, "--trace", "otlp:traces/run.jsonl"])
        #expect(run.status == 0, "\(run.errors.suffix(1500))")
        #expect(run.errors.contains("spans) written to traces/run.jsonl"), "\(run.errors.suffix(600))")
        let imported = try await Self.importedVerdict(workdir, "traces/run.jsonl")
        #expect(Self.figures(imported) == Self.figures(try Self.verdict(workdir, ".modegate/verdict.json")))

        let bad = try await workdir.modegate(["run", gate, "--trace", "jaeger:x"])
        #expect(bad.status == 64 && bad.errors.contains("use otlp:PATH"), "\(bad.errors)")
    }

    @Test(arguments: ["/status/503", "/status/415", "/silent", "closed"])
    func aReceiverThatRefusesHangsOrIsGoneLosesSpansNeverTheGate(_ path: String) async throws {
        let workdir = try Workdir()
        guard let (server, base) = try await HTTPClientTests.peer() else { return }
        defer { server.stop() }
        let target = path == "closed" ? "http://127.0.0.1:\(TestPeers.freePort())" : base.absoluteString + path
        let gate = try workdir.write("gate.yaml", Self.gate)
        let started = Date()
        let run = try await workdir.modegate(
            ["run", gate, "--trace", "otlp-http:\(target)"], environment: ["MODEGATE_TRACE_FLUSH_SECONDS": "3"])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 0, "the verdict stands: \(run.errors.suffix(1500))")
        #expect(run.errors.contains("trace: spans lost, the run goes on"), "\(path): \(run.errors.suffix(800))")
        #expect(run.errors.contains("spans lost:"), "\(path): \(run.errors.suffix(800))")
        if path == "/status/415" { #expect(run.errors.contains("HTTP 415"), "\(run.errors.suffix(800))") }
        #expect(seconds < 45, "\(path): the run took \(seconds) s")
        let records = try workdir.records().values.flatMap { $0 }
        #expect(!records.isEmpty && records.allSatisfy { $0["completed"] == true }, "every trial is recorded")
    }
}
