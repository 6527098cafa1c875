import Foundation
import ModegateCore
import ModegateMCP
import ModegateSuites
import Testing

/// `modegate serve`, checked from the outside by the official Python client and by our own
/// client, over stdio and over streamable HTTP.
@Suite struct ServeCommandTests {
    /// The official client's report (see Peers/official_client.py).
    static func officialClient(_ arguments: [String]) async throws -> JSONValue? {
        guard let python = TestPeers.python else { return nil }
        return try await TestPeers.offPool { try runOfficialClient(python, arguments) }
    }

    static func runOfficialClient(_ python: String, _ arguments: [String]) throws -> JSONValue? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestPeers.script("official_client.py")] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("the official client failed: \(String(decoding: problems.suffix(2000), as: UTF8.self))")
            return nil
        }
        return try JSONValue.parse(String(decoding: data, as: UTF8.self))
    }

    /// What the official client saw matches the suite served in process.
    static func checkOfficialReport(_ report: JSONValue, suite: any Suite, tool: String, arguments: JSONValue) async {
        #expect(report["tools"] == .array(suite.tools.map { .string($0.name) }))
        for descriptor in suite.tools { #expect(report["schemas"]?[descriptor.name] == descriptor.inputSchema) }
        let expected = await suite.makeSession(params: [:]).call(tool, arguments: arguments)
        #expect(report["call"]?["is_error"] == false)
        #expect(report["call"]?["text"]?.stringValue == expected.text)
        if case .object? = expected.structuredContent { #expect(report["call"]?["structured"] == expected.structuredContent) }
        #expect(report["bad_arguments"]?["is_error"] == true)
        #expect(report["unknown_tool"]?.stringValue?.contains("Unknown tool: no_such_tool") == true, "\(report["unknown_tool"] ?? nil)")
        #expect(report["resources"] == [.string(SuiteServer.stateURI)])
    }

    @Test func theOfficialClientUsesServeOverStdio() async throws {
        let suite = BuiltinSuites.named("repo_triage")!
        let arguments: JSONValue = ["shard": 1]
        guard let report = try await Self.officialClient(
            ["--stdio", "search_shard", arguments.jsonText, "--", TestPeers.modegate, "serve", "repo_triage"])
        else { return }
        await Self.checkOfficialReport(report, suite: suite, tool: "search_shard", arguments: arguments)
    }

    @Test func theOfficialClientUsesServeOverHTTP() async throws {
        let server = try BackgroundServer([TestPeers.modegate, "serve", "code_navigation", "--http", "0"])
        defer { server.stop() }
        let url = try await Self.servedURL(server)
        let suite = BuiltinSuites.named("code_navigation")!
        let tool = suite.tools[0]
        let arguments = try #require(Self.sampleArguments[tool.name], "no sample arguments for \(tool.name)")
        guard let report = try await Self.officialClient([url, tool.name, arguments.jsonText]) else { return }
        await Self.checkOfficialReport(report, suite: suite, tool: tool.name, arguments: arguments)
    }

    /// Arguments that make the first tool of a suite succeed on default data.
    static let sampleArguments: [String: JSONValue] = ["list_files": [:], "search_shard": ["shard": 0]]

    /// The URL `serve --http 0` announced on stderr.
    static func servedURL(_ server: BackgroundServer) async throws -> String {
        @Sendable func announced() -> String? {
            let output = server.output
            return output.range(of: #"http://127\.0\.0\.1:\d+/mcp"#, options: .regularExpression).map { String(output[$0]) }
        }
        guard try await Poll.until(seconds: 60, { announced() != nil }), let url = announced() else {
            throw PeerError("serve did not announce its URL: \(server.output)")
        }
        return url
    }

    @Test func theOfficialClientUsesCodeModeServedOverAGatesTools() async throws {
        guard let python = TestPeers.python else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-codemode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gate = folder.appendingPathComponent("gate.yaml")
        try "version: 1\nworkload: {presets: [smoke, repo_triage]}\n".write(to: gate, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestPeers.script("codemode_client.py"), TestPeers.modegate, "serve", "codemode", "--gate", gate.path]
        process.currentDirectoryURL = TestPeers.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = try await TestPeers.offPool {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        try #require(process.terminationStatus == 0)
        let report = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        #expect(report["tools"] == ["call_tool_chain", "search_tools", "tool_info"])
        #expect(report["search"]?["tools"]?.arrayValue?.first?["name"] == "add")
        #expect(report["info"]?["name"] == "add" && report["info"]?["input_schema"]?["properties"]?["a"] != nil)
        #expect(report["info_missing_is_error"] == true)
        #expect(report["chain"] == ["is_error": false, "body": ["result": ["total": 10]]])
        #expect(report["syntax"]?["is_error"] == true)
        #expect(report["syntax"]?["body"]?["error"]?["kind"] == "syntax_error", "\(report["syntax"] ?? nil)")
    }

    @Test(arguments: ["stdio", "http"])
    func ourClientDrivesServeAndReadsState(transport: String) async throws {
        let params: JSONValue = ["seed": 7]
        var server: BackgroundServer?
        defer { server?.stop() }
        let plan: MCPPlan.Server
        if transport == "http" {
            server = try BackgroundServer([TestPeers.modegate, "serve", "ledger_workflows", "--http", "0", "--params", params.jsonText])
            plan = .init(url: try await Self.servedURL(server!), timeoutSeconds: 10)
        } else {
            plan = .init(command: [TestPeers.modegate, "serve", "ledger_workflows", "--params", params.jsonText], timeoutSeconds: 10)
        }
        let connection = try await MCPConnection.open(
            name: "ledger", server: plan, environment: ProcessInfo.processInfo.environment, logFolder: nil)
        let suite = BuiltinSuites.named("ledger_workflows")!
        let local = suite.makeSession(params: params)
        #expect(try await connection.listTools() == suite.tools)
        // The same calls in process and over MCP leave the same books.
        let transfer: JSONValue = ["from_account_id": "operating", "to_account_id": "savings", "amount_cents": 12_345, "memo": "test"]
        let remote = await connection.call("transfer", arguments: transfer)
        let inProcess = await local.call("transfer", arguments: transfer)
        #expect(remote.reply.text == inProcess.text)
        #expect(remote.reply.isError == inProcess.isError)
        let state = try await connection.readText(uri: SuiteServer.stateURI).map { try JSONValue.parse($0) }
        #expect(state == (await local.finalState()))
        await connection.close()
    }
}

/// `headers_env`: header values come from the environment, reach the server, and a missing
/// variable is named before anything is sent.
@Suite struct HTTPHeaderTests {
    /// Remembers the Authorization header of every request, then lets the router answer.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String?] = []
        func add(_ value: String?) { lock.withLock { values.append(value) } }
        var all: [String?] { lock.withLock { values } }
    }

    @Test func headersFromTheEnvironmentReachTheServer() async throws {
        let seen = Seen()
        let router = HTTPSessionRouter { await SuiteServer(suite: BuiltinSuites.named("smoke")!, params: [:]).makeServer() }
        let port = LockedPort()
        // High priority: on two loaded cores the suite's simulations keep the cooperative pool
        // busy, and a default-priority server task waited past the minute allowed to bind.
        let server = Task(priority: .high) {
            try await LoopbackHTTPServer { request in
                seen.add(request.header("Authorization"))
                return await router.handle(request)
            }.run(port: 0) { port.set($0) }
        }
        defer { server.cancel() }
        try #require(try await Poll.until(seconds: 60) { port.value != nil }, "the loopback server did not bind")
        let plan = MCPPlan.Server(url: "http://127.0.0.1:\(port.value!)/mcp", headersEnv: ["Authorization": "MODEGATE_TEST_AUTH"], timeoutSeconds: 10)
        let connection = try await MCPConnection.open(
            name: "smoke", server: plan, environment: ["MODEGATE_TEST_AUTH": "Bearer s3cret"], logFolder: nil)
        let sum = await connection.call("add", arguments: ["a": 1, "b": 2])
        #expect(sum.reply.programValue["sum"] == 3)
        await connection.close()
        #expect(!seen.all.isEmpty && seen.all.allSatisfy { $0 == "Bearer s3cret" })

        await #expect {
            _ = try await MCPConnection.open(name: "smoke", server: plan, environment: [:], logFolder: nil)
        } throws: { error in
            "\(error)".contains("MODEGATE_TEST_AUTH") && !"\(error)".contains("s3cret")
        }
    }
}

final class LockedPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?
    func set(_ value: Int) { lock.withLock { port = value } }
    var value: Int? { lock.withLock { port } }
}
