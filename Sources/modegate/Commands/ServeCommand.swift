import ArgumentParser
import Foundation
import ModegateCore
import ModegateMCP
import ModegateSuites

/// `modegate serve SUITE`: a built-in suite as an MCP server, on stdio or on streamable HTTP bound
/// to 127.0.0.1, so any MCP client — and the gate itself — reaches it over a real transport.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Expose a built-in suite as an MCP server.",
        discussion: """
            Stdio by default: JSON-RPC on stdin and stdout, logs on stderr; the server ends when \
            stdin closes. With --http PORT it serves streamable HTTP at http://127.0.0.1:PORT/mcp \
            (--http 0 picks a free port and prints it on stderr), one suite state per MCP session.
            A stateful suite's state is the resource modegate://state.
            Suites: \(BuiltinSuites.all.map(\.name).joined(separator: ", ")).
            """)

    @Argument(help: "The suite to serve.")
    var suite: String

    @Option(help: "Serve streamable HTTP on 127.0.0.1 at this port instead of stdio (0: any free port).")
    var http: Int?

    @Option(help: "The suite's data parameters, as a JSON object (as a case's `params`).")
    var params: String?

    func validate() throws {
        if let params, (try? JSONValue.parse(params))?.objectValue == nil {
            throw ValidationError("--params must be a JSON object, e.g. '{\"shards\": 5}'")
        }
        if BuiltinSuites.named(suite) == nil {
            throw ValidationError(
                "unknown suite '\(suite)'; available: \(BuiltinSuites.all.map(\.name).joined(separator: ", "))")
        }
        if let http, !(0...65_535).contains(http) { throw ValidationError("--http must be a port number (0-65535)") }
    }

    func run() async throws {
        // A client that goes away must end the server with an error, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let served = SuiteServer(
            suite: BuiltinSuites.named(suite)!, params: params.flatMap { try? JSONValue.parse($0) } ?? .object([:]))
        if let http {
            let router = HTTPSessionRouter { await served.makeServer() }
            let suiteName = suite
            do {
                try await LoopbackHTTPServer { await router.handle($0) }.run(port: http) { port in
                    FileHandle.standardError.write(Data(
                        "modegate: serving suite \(suiteName) over MCP at http://127.0.0.1:\(port)/mcp\n".utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("modegate: cannot serve on 127.0.0.1:\(http): \(error)\n".utf8))
                throw ExitCode(ExitStatus.runError.rawValue)
            }
            return
        }
        let server = await served.makeServer()
        try await server.start(transport: PipeTransport(input: STDIN_FILENO, output: STDOUT_FILENO))
        await server.waitUntilCompleted()
    }
}
