import BenchmarkSupport
import Foundation
import MCP
import ModegateCore
import ModegateMCP
import Synchronization

/// `make bench`: `modegate run` (release build) against a model server on loopback that enforces
/// a provider's rate limit, 120 requests and 40,000 tokens in any 60 seconds, and answers 429
/// with Retry-After beyond it; once with today's fixed concurrency and retries, once with
/// `model.rate_limit` set to those figures. Each run lasts `seconds` (the gate's budget stops
/// it). Prints the throughput against the binding limit and the share of requests refused.
@main
struct RateLimitBenchmark {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let limits = (requests: 120, tokens: 40_000)
    /// Long enough that the first minute's empty window is a small part of the run;
    /// `RATE_BENCH_SECONDS` shortens it for a quick look.
    static let seconds = ProcessInfo.processInfo.environment["RATE_BENCH_SECONDS"].flatMap(Double.init) ?? 150

    static func main() async throws {
        let scratch = try BenchmarkScratch("rate-bench")
        defer { scratch.remove() }
        let (modegate, work) = (scratch.modegate, scratch.folder)
        say("modegate rate-limit benchmark: a loopback OpenAI-compatible server enforcing \(limits.requests) requests and "
            + "\(limits.tokens) tokens a minute (429 with Retry-After beyond), \(Int(seconds)) s a run, 16 trials at once")
        for (label, rateLimit) in [("fixed concurrency 16, no rate_limit", nil as String?),
                                   ("rate_limit {requests_per_minute: \(limits.requests), tokens_per_minute: \(limits.tokens)}",
                                    "{requests_per_minute: \(limits.requests), tokens_per_minute: \(limits.tokens)}")]
            where ProcessInfo.processInfo.environment["RATE_BENCH_PACED_ONLY"] == nil || rateLimit != nil {
            let server = RateLimitedModel(requests: limits.requests, tokens: limits.tokens)
            let port = try await LoopbackHTTPServer { await server.answer($0) }.startInBackground()
            let gate = work.appendingPathComponent("gate-\(rateLimit == nil ? "fixed" : "paced").yaml")
            let smoke = repository.appendingPathComponent("presets/smoke.yaml").path
            try """
            version: 1
            name: rate-bench
            workload: {presets: [\(smoke)], repetitions: 400, concurrency: 16}
            model: {provider: openai, name: limited, base_url: "http://127.0.0.1:\(port)/v1", api_key_env: RATE_BENCH_KEY,
                    max_retries: 6, timeout_seconds: 120\(rateLimit.map { ", rate_limit: \($0)" } ?? "")}
            budget: {max_seconds: \(Int(seconds))}
            judgement: {mode: point}
            reports: []
            """.write(to: gate, atomically: true, encoding: .utf8)
            var variables = ProcessInfo.processInfo.environment
            variables["RATE_BENCH_KEY"] = "bench"
            variables["MODEGATE_HOME"] = work.appendingPathComponent("store-\(port)").path
            let environment = variables
            let measured = try await BackgroundThread.run {
                try ChildProcess.measure([modegate, "run", gate.path], directory: work.path, environment: environment,
                                         output: work.appendingPathComponent("run-\(port).log").path)
            }
            let figures = server.figures
            let minutes = max(figures.span, 1) / 60
            let requestShare = Double(figures.accepted) / minutes / Double(limits.requests)
            let tokenShare = Double(figures.acceptedTokens) / minutes / Double(limits.tokens)
            say(String(format: "  %@: %d answered, %d refused (%.1f%% of %d requests), %.1f requests and %.0f tokens a minute over %.0f s: "
                        + "%.1f%% of the request limit, %.1f%% of the token limit (exit %d, %.0f s, CPU %.1f s)",
                       label, figures.accepted, figures.refused, 100 * Double(figures.refused) / Double(max(figures.accepted + figures.refused, 1)),
                       figures.accepted + figures.refused, Double(figures.accepted) / minutes, Double(figures.acceptedTokens) / minutes,
                       figures.span, 100 * requestShare, 100 * tokenShare, measured.status, measured.seconds, measured.cpuSeconds))
        }
    }

    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}

/// An OpenAI-compatible chat endpoint with a provider's limits over a sliding 60-second window:
/// a request counts its prompt (bytes / 4) and its completion; one that would pass either limit
/// is refused with 429 and the seconds until the window has room. Accepted requests answer
/// after 0.8 s, like a model.
final class RateLimitedModel: Sendable {
    struct Figures: Sendable {
        var accepted = 0
        var refused = 0
        var acceptedTokens = 0
        var first: Double?
        var last: Double?
        var span: Double { (last ?? 0) - (first ?? 0) }
    }

    private struct State {
        var window: [(time: Double, tokens: Int)] = []
        var figures = Figures()
    }

    let requests: Int
    let tokens: Int
    private let state = Mutex(State())
    private let start = DispatchTime.now().uptimeNanoseconds
    static let completionTokens = 20

    init(requests: Int, tokens: Int) {
        self.requests = requests
        self.tokens = tokens
    }

    var figures: Figures { state.withLock { $0.figures } }

    private var now: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    func answer(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        let prompt = ((request.body?.count ?? 0) + 3) / 4
        let cost = prompt + Self.completionTokens
        let time = now
        let wait: Double? = state.withLock { state in
            state.window.removeAll { $0.time <= time - 60 }
            let used = state.window.reduce(0) { $0 + $1.tokens }
            if state.window.count + 1 <= requests && used + cost <= tokens {
                state.window.append((time, cost))
                state.figures.accepted += 1
                state.figures.acceptedTokens += cost
                state.figures.first = state.figures.first ?? time
                state.figures.last = time
                return nil
            }
            state.figures.refused += 1
            // The first moment the window has room for this request.
            var freed = used
            var count = state.window.count
            for entry in state.window {
                freed -= entry.tokens
                count -= 1
                if count + 1 <= requests && freed + cost <= tokens { return entry.time + 60 - time }
            }
            return 60
        }
        if let wait {
            return .error(statusCode: 429, MCPError.internalError("rate limit reached"),
                          extraHeaders: ["Retry-After": String(Int(wait.rounded(.up)))])
        }
        try? await Task.sleep(nanoseconds: 800_000_000)
        let body: JSONValue = [
            "id": "rate-bench", "object": "chat.completion", "created": 0, "model": "limited",
            "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": #"{"answer": 0}"#]]],
            "usage": ["prompt_tokens": .number(Double(prompt)), "completion_tokens": .number(Double(Self.completionTokens)),
                      "total_tokens": .number(Double(cost))],
        ]
        return .data(Data(body.jsonText.utf8), headers: ["Content-Type": "application/json"])
    }
}
