import ArgumentParser
import Foundation
import MCP
import ModegateCore
import ModegateHarness
import ModegateMCP
import ModegateSandbox
import ModegateSuites

/// `modegate serve SUITE`: a built-in suite as an MCP server, on stdio or on streamable HTTP bound
/// to 127.0.0.1, so any MCP client — and the gate itself — reaches it over a real transport.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Expose a built-in suite, or Code Mode over a gate's tools, as an MCP server.",
        discussion: """
            Stdio by default: JSON-RPC on stdin and stdout, logs on stderr; the server ends when \
            stdin closes. With --http PORT it serves streamable HTTP at http://127.0.0.1:PORT/mcp \
            (--http 0 picks a free port and prints it on stderr), one suite state per MCP session.
            A stateful suite's state is the resource modegate://state.
            Suites: \(BuiltinSuites.all.map(\.name).joined(separator: ", ")).

            `serve codemode --gate G` serves Code Mode instead: search_tools, tool_info and \
            call_tool_chain (a JavaScript program run in the sandbox with the candidate's limits) \
            over the tools of the suites the gate's presets use.
            """)

    @Argument(help: "The suite to serve, or codemode.")
    var suite: String

    @Option(help: "With codemode: the gate whose presets' tools the programs may call.")
    var gate: String?

    @Option(help: "Serve streamable HTTP on 127.0.0.1 at this port instead of stdio (0: any free port).")
    var http: Int?

    @OptionGroup var params: SuiteParamsOption

    @OptionGroup var invocation: InvocationOptions

    func validate() throws {
        if suite == "codemode" {
            if gate == nil { throw ValidationError("serve codemode needs --gate GATE.yaml (whose presets' tools it serves)") }
        } else if BuiltinSuites.named(suite) == nil {
            throw ValidationError(
                "unknown suite '\(suite)'; available: \(BuiltinSuites.all.map(\.name).joined(separator: ", "))")
        }
        if let http, !(0...65_535).contains(http) { throw ValidationError("--http must be a port number (0-65535)") }
    }

    func run() async throws {
        // A client that goes away must end the server with an error, not a signal.
        signal(SIGPIPE, SIG_IGN)
        var setup: GateSetup?
        if suite == "codemode", let gate {
            do {
                setup = try invocation.setup(gate: gate, workspace: Workspace(), warmWorkers: 1)
            } catch {
                throw Failure.exit(for: error)
            }
        }
        // The upstream servers `serve codemode` starts are stopped however serving ends.
        let servers = setup?.servers() ?? MCPServerPool(plan: MCPPlan(enabled: false), environment: [:])
        try await servers.closing { try await serve(setup: setup, servers: servers) }
    }

    /// Serves until the client goes (stdin closes) or, over HTTP, until the process is stopped.
    private func serve(setup: GateSetup?, servers: MCPServerPool) async throws {
        let parameters = params.value
        let makeServer: @Sendable () async -> MCP.Server
        if let setup {
            do {
                let upstream = try await setup.planner.upstreamSuites(of: setup.plan, servers: servers)
                let codemode = try CodeModeServer(
                    upstream: upstream, params: parameters, sandbox: setup.sandbox, limits: SandboxLimits(arm: setup.plan.candidate.limits))
                makeServer = { await codemode.makeServer() }
            } catch {
                throw Failure.exit(for: error)
            }
        } else {
            let served = SuiteServer(suite: BuiltinSuites.named(suite)!, params: parameters)
            makeServer = { await served.makeServer() }
        }
        if let http {
            let router = HTTPSessionRouter { await makeServer() }
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
        let server = await makeServer()
        try await server.start(transport: PipeTransport(input: STDIN_FILENO, output: STDOUT_FILENO))
        await server.waitUntilCompleted()
    }
}
