import BenchmarkSupport
import Foundation
import MCP
import ModegateCore
import ModegateMCP
import Synchronization

/// `make bench`: what modegate itself costs while it waits. The whole `modegate run` (release
/// build) against a model server on loopback that answers after a delay, and against an MCP
/// tool over streamable HTTP that answers after a delay; each at two delays, so the CPU the
/// process spends per second of waiting is the difference of the two runs' CPU over the
/// difference of their wall times (start-up, the estimate and the judge cancel out). Then how
/// soon `modegate run` exits after Ctrl-C while a trial waits on each (DESIGN: under 2 s). The
/// servers run in this process; only the child's CPU is counted. Prints figures.
@main
struct WaitBenchmark {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let delays = (short: 1.0, long: 6.0)

    static func main() async throws {
        let scratch = try BenchmarkScratch("wait-bench")
        defer { scratch.remove() }
        let (modegate, work) = (scratch.modegate, scratch.folder)
        say("modegate wait benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores): CPU of `modegate run` per second of waiting")

        let modelDelay = Delay()
        let modelPort = try await LoopbackHTTPServer { request in await slowModel(request, delay: modelDelay) }.startInBackground()
        try await compare("a slow model (openai provider, HTTP)", modegate: modegate, work: work, delay: modelDelay) { seconds in
            modelGate(port: modelPort, work: work)
        }
        try await interrupt("a slow model", modegate: modegate, work: work, delay: modelDelay) {
            modelGate(port: modelPort, work: work)
        }

        let toolDelay = Delay()
        let router = HTTPSessionRouter { await slowToolServer(delay: toolDelay) }
        let toolPort = try await LoopbackHTTPServer { await router.handle($0) }.startInBackground()
        try await compare("a slow MCP tool (streamable HTTP)", modegate: modegate, work: work, delay: toolDelay) { seconds in
            try toolGate(port: toolPort, seconds: seconds, work: work)
        }
        try await interrupt("a slow MCP tool", modegate: modegate, work: work, delay: toolDelay) {
            try toolGate(port: toolPort, seconds: 50, work: work)
        }
    }

    /// Three pairs of runs (short delay, long delay); the median of the pairs' CPU per waiting second.
    static func compare(
        _ label: String, modegate: String, work: URL, delay: Delay, gate: @Sendable (Double) throws -> URL
    ) async throws {
        var perSecond: [Double] = []
        var waited: [Double] = []
        var cpu: [(Double, Double)] = []
        var statuses: Set<Int32> = []
        for _ in 0..<3 {
            var pair: [ChildProcess.Measurement] = []
            for seconds in [delays.short, delays.long] {
                delay.seconds = seconds
                let file = try gate(seconds)
                let measurement = try await BackgroundThread.run {
                    try ChildProcess.measure(
                        [modegate, "run", file.path], directory: work.path,
                        environment: ProcessInfo.processInfo.environment.merging(
                            ["MODEGATE_HOME": work.appendingPathComponent("store").path, "WAIT_BENCH_KEY": "not-a-secret"]) { $1 },
                        output: work.appendingPathComponent("run.log").path)
                }
                statuses.insert(measurement.status)
                pair.append(measurement)
            }
            let extraWall = pair[1].seconds - pair[0].seconds
            waited.append(extraWall)
            cpu.append((pair[0].cpuSeconds, pair[1].cpuSeconds))
            perSecond.append((pair[1].cpuSeconds - pair[0].cpuSeconds) / extraWall)
        }
        perSecond.sort()
        say(String(format: "%@: %.4f CPU s per waiting second (median of 3 pairs; min %.4f, max %.4f; %.1f s more waiting in the long runs; exit codes %@)",
                   label, perSecond[1], perSecond[0], perSecond[2], waited.sorted()[1],
                   statuses.sorted().map(String.init).joined(separator: ",")))
        say("  whole runs' CPU, short / long delay: " + cpu.map { String(format: "%.2f / %.2f s", $0.0, $0.1) }.joined(separator: ", "))
    }

    // MARK: The slow model

    /// Chat Completions that answers after the delay with a final JSON answer.
    static func slowModel(_ request: MCP.HTTPRequest, delay: Delay) async -> MCP.HTTPResponse {
        try? await Task.sleep(nanoseconds: UInt64(delay.begin() * 1e9))
        let body: JSONValue = [
            "id": "wait-bench", "object": "chat.completion", "created": 0, "model": "slow",
            "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": #"{"answer": 0}"#]]],
            "usage": ["prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15],
        ]
        return .data(Data(body.jsonText.utf8), headers: ["Content-Type": "application/json"])
    }

    static func modelGate(port: Int, work: URL) -> URL {
        let file = work.appendingPathComponent("model-gate.yaml")
        let smoke = repository.appendingPathComponent("presets/smoke.yaml").path
        try? """
        version: 1
        name: wait-bench-model
        workload: {presets: [\(smoke)], limit: 1, repetitions: 1, concurrency: 1}
        model: {provider: openai, name: slow, base_url: "http://127.0.0.1:\(port)/v1", api_key_env: WAIT_BENCH_KEY, max_retries: 0, timeout_seconds: 120}
        reports: []
        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    // MARK: The slow tool

    static func slowToolServer(delay: Delay) async -> Server {
        let server = Server(name: "wait-bench", version: "1", capabilities: .init(tools: .init(listChanged: false)))
        let schema: JSONValue = ["type": "object", "properties": ["seconds": ["type": "number"]], "required": ["seconds"]]
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: [Tool(name: "wait", description: "Answers after a delay.", inputSchema: schema.mcpValue)])
        }
        await server.withMethodHandler(CallTool.self) { _ in
            let seconds = delay.begin()
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return CallTool.Result(content: [.text(text: #"{"waited": \#(seconds)}"#, annotations: nil, _meta: nil)])
        }
        return server
    }

    static func toolGate(port: Int, seconds: Double, work: URL) throws -> URL {
        let preset = work.appendingPathComponent("wait-\(Int(seconds)).yaml")
        try """
        preset: wait
        description: One call of a tool that answers after \(seconds) s.
        suite: {mcp: slow}
        cases:
          - id: wait
            prompt: Call wait and answer with what it returns.
            answer_schema: {type: object, properties: {waited: {type: number}}, required: [waited]}
            expected: {waited: \(seconds)}
            scorer: exact
            reference: |
              return await tools.wait({seconds: \(seconds)});
        """.write(to: preset, atomically: true, encoding: .utf8)
        let file = work.appendingPathComponent("tool-gate.yaml")
        try """
        version: 1
        name: wait-bench-tool
        workload: {presets: [\(preset.path)], repetitions: 1, concurrency: 1}
        model: {provider: scripted}
        mcp:
          enabled: true
          servers:
            slow: {url: "http://127.0.0.1:\(port)/mcp", timeout_seconds: 60}
        reports: []
        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    // MARK: -

    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}

/// The current delay, set between runs and read by the servers, and how many requests they got.
final class Delay: Sendable {
    private let value = Mutex(1.0)
    private let count = Mutex(0)
    var seconds: Double {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }

    /// Requests the server began to answer.
    var calls: Int { count.withLock { $0 } }

    /// Counts a request and returns the delay to answer it after.
    func begin() -> Double {
        count.withLock { $0 += 1 }
        return seconds
    }
}

