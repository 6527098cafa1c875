import Foundation
import ModegateCore
import ModegateMCP

/// `make bench`: MCP's cost to the harness. A small tool call's round trip against
/// `modegate serve` over stdio and over streamable HTTP (our client, the SDK's `Client`), and
/// calls per second with 16 in flight. Prints figures.
@main
struct MCPBenchmark {
    static func main() async throws {
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let modegate = binDirectory.appendingPathComponent("modegate").path
        say("modegate MCP benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        signal(SIGPIPE, SIG_IGN)

        let stdio = try await MCPConnection.open(
            name: "smoke", server: .init(command: [modegate, "serve", "smoke"], timeoutSeconds: 30),
            environment: ProcessInfo.processInfo.environment, logFolder: nil)
        try await measure("stdio", stdio)
        await stdio.close()

        let server = Process()
        server.executableURL = URL(fileURLWithPath: modegate)
        server.arguments = ["serve", "smoke", "--http", "0"]
        let errors = Pipe()
        server.standardError = errors
        try server.run()
        defer { server.terminate() }
        var announced = ""
        while !announced.contains("/mcp") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = announced.range(of: #"http://127\.0\.0\.1:\d+/mcp"#, options: .regularExpression) else {
            say("serve --http did not start: \(announced)")
            return
        }
        let http = try await MCPConnection.open(
            name: "smoke-http", server: .init(url: String(announced[range]), timeoutSeconds: 30),
            environment: ProcessInfo.processInfo.environment, logFolder: nil)
        try await measure("streamable HTTP (SSE answers)", http)
        await http.close()
    }

    /// Median round trip of sequential calls, then throughput with 16 calls in flight.
    static func measure(_ transport: String, _ connection: MCPConnection) async throws {
        let arguments: JSONValue = ["a": 1.5, "b": 2.25]
        for _ in 0..<200 { _ = await connection.call("add", arguments: arguments) }
        var samples: [Double] = []
        for _ in 0..<2000 {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = await connection.call("add", arguments: arguments)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            guard !result.reply.isError else { throw BenchError(result.reply.text) }
        }
        samples.sort()
        let total = 8000
        let start = DispatchTime.now().uptimeNanoseconds
        let failures = await withTaskGroup(of: Int.self) { group in
            for lane in 0..<16 {
                group.addTask {
                    var failed = 0
                    for _ in 0..<(total / 16) where await connection.call("add", arguments: ["a": .number(Double(lane)), "b": 1]).reply.isError {
                        failed += 1
                    }
                    return failed
                }
            }
            return await group.reduce(0, +)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        say(String(format: "%@: round trip median %.3f ms (p90 %.3f, p99 %.3f; 2,000 calls); 16 in flight: %.0f calls/s (%d calls, %d failed)",
                   transport, samples[samples.count / 2], samples[samples.count * 9 / 10], samples[samples.count * 99 / 100],
                   Double(total) / seconds, total, failures))
    }

    struct BenchError: Error { let text: String; init(_ text: String) { self.text = text } }

    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}
