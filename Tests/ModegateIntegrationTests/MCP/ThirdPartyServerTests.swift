import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ModegateCore
import ModegateMCP
import Testing

/// The client against real third-party servers from PyPI: stdio, streamable HTTP answering with
/// SSE (the official Python SDK's server) and with plain JSON (`mcp-proxy`).
@Suite struct ThirdPartyServerTests {
    static let environment = ProcessInfo.processInfo.environment
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-mcp-logs")

    static func open(_ name: String, _ server: MCPPlan.Server) async throws -> MCPConnection {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        return try await MCPConnection.open(name: name, server: server, environment: environment, logFolder: scratch)
    }

    /// The time server's answers, whatever the transport.
    static func checkTimeServer(_ connection: MCPConnection) async throws {
        #expect(connection.protocolVersion >= MCPConnection.minimumProtocolVersion)
        let tools = try await connection.listTools()
        #expect(Set(tools.map(\.name)) == ["get_current_time", "convert_time"])
        #expect(tools.allSatisfy { !$0.description.isEmpty && $0.inputSchema["properties"] != nil })
        let converted = await connection.call(
            "convert_time", arguments: ["source_timezone": "UTC", "time": "12:00", "target_timezone": "Asia/Tokyo"])
        #expect(!converted.reply.isError, "\(converted.reply.text)")
        #expect(converted.reply.programValue["target"]?["datetime"]?.stringValue?.contains("T21:00:00+09:00") == true)
        #expect(converted.reply.programValue["time_difference"] == "+9.0h")
        // The tool's own failure: the model sees it, the server is fine.
        let bad = await connection.call("get_current_time", arguments: ["timezone": "Mars/Olympus_Mons"])
        #expect(bad.reply.isError)
        #expect(bad.serverFailure == nil)
        #expect(bad.reply.text.contains("Mars/Olympus_Mons"), "\(bad.reply.text)")
        // Ten calls in flight at once, replies matched by id whatever their order.
        let zones = ["Asia/Tokyo", "Europe/Paris", "America/New_York", "Australia/Sydney", "Africa/Cairo",
                     "Europe/London", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Auckland", "UTC"]
        let replies = await zones.orderedConcurrentMap { zone in
            await connection.call("get_current_time", arguments: ["timezone": .string(zone)])
        }
        let mismatched = zip(zones, replies).filter { $1.reply.programValue["timezone"]?.stringValue != $0 }
        #expect(mismatched.isEmpty, "\(mismatched.map { "\($0): \($1.reply.text.prefix(300)) \($1.serverFailure ?? "")" })")
    }

    @Test func timeServerOverStdio() async throws {
        guard let server = TestPeers.program("mcp-server-time") else { return }
        let connection = try await Self.open("time", .init(command: [server, "--local-timezone", "UTC"], timeoutSeconds: 30))
        try await Self.checkTimeServer(connection)
        await connection.close()
    }

    @Test func gitServerOverStdioReadsTheRepositoryHistory() async throws {
        guard let server = TestPeers.program("mcp-server-git") else { return }
        let repository = try TestPeers.gitRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let connection = try await Self.open("git", .init(command: [server, "-r", repository.path], env: ["GIT_PAGER": "cat"], timeoutSeconds: 30))
        let tools = try await connection.listTools()
        #expect(tools.contains { $0.name == "git_log" } && tools.contains { $0.name == "git_status" })
        let log = await connection.call("git_log", arguments: ["repo_path": .string(repository.path), "max_count": 10])
        #expect(!log.reply.isError, "\(log.reply.text)")
        for message in ["Add README.md", "Add ledger.txt", "Add notes.txt"] { #expect(log.reply.text.contains(message)) }
        #expect(log.reply.text.contains("Grace"))
        let missing = await connection.call("git_show", arguments: ["repo_path": .string(repository.path), "revision": "no-such-rev"])
        #expect(missing.reply.isError)
        #expect(missing.serverFailure == nil)
        await connection.close()
    }

    @Test func streamableHTTPWithServerSentEvents() async throws {
        guard let python = TestPeers.python else { return }
        let port = TestPeers.freePort()
        let server = try BackgroundServer([
            python, "-c",
            "from mcp_server_time.server import create_server; create_server('UTC').run('streamable-http', host='127.0.0.1', port=\(port))",
        ])
        defer { server.stop() }
        try await server.waitForPort(port)
        let url = "http://127.0.0.1:\(port)/mcp"
        // The premise of the test: this server answers requests with an event stream.
        #expect(try await Self.contentTypeOfInitialize(url).hasPrefix("text/event-stream"))
        let connection = try await Self.open("time-sse", .init(url: url, timeoutSeconds: 30))
        try await Self.checkTimeServer(connection)
        await connection.close()
    }

    @Test func streamableHTTPWithPlainJSONThroughMCPProxy() async throws {
        guard let proxy = TestPeers.program("mcp-proxy", venv: ".venv-proxy"),
            let time = TestPeers.program("mcp-server-time")
        else { return }
        let port = TestPeers.freePort()
        let server = try BackgroundServer([proxy, "--host", "127.0.0.1", "--port", String(port), "--", time, "--local-timezone", "UTC"])
        defer { server.stop() }
        try await server.waitForPort(port)
        let url = "http://127.0.0.1:\(port)/mcp"
        #expect(try await Self.contentTypeOfInitialize(url).hasPrefix("application/json"))
        let connection = try await Self.open("time-json", .init(url: url, timeoutSeconds: 30))
        try await Self.checkTimeServer(connection)
        await connection.close()
    }

    @Test func unreachableURLIsAClearError() async throws {
        let port = TestPeers.freePort()
        await #expect {
            _ = try await Self.open("nowhere", .init(url: "http://127.0.0.1:\(port)/mcp", timeoutSeconds: 5))
        } throws: { error in
            "\(error)".contains("MCP server 'nowhere'") && "\(error)".contains("127.0.0.1:\(port)")
        }
    }

    @Test func missingCommandIsAClearError() async throws {
        await #expect {
            _ = try await Self.open("ghost", .init(command: ["modegate-no-such-server"], timeoutSeconds: 5))
        } throws: { error in
            "\(error)".contains("MCP server 'ghost'") && "\(error)".contains("not found")
        }
    }

    /// A raw `initialize` POST, to see how the server answers.
    static func contentTypeOfInitialize(_ url: String) async throws -> String {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json, text/event-stream", forHTTPHeaderField: "Accept")
        request.httpBody = Data("""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
            "clientInfo":{"name":"probe","version":"1"}}}
            """.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type") ?? ""
    }
}

/// A server that crashes, hangs, writes garbage or fails its tools in each of the three shapes.
@Suite struct MisbehavingServerTests {
    static func open(timeout: Int = 3) async throws -> MCPConnection? {
        guard let python = TestPeers.python else { return nil }
        return try await ThirdPartyServerTests.open(
            "hostile",
            .init(command: [python, TestPeers.script("hostile_server.py")], timeoutSeconds: timeout, errorPattern: "^Error:"))
    }

    @Test func toolFailuresInAllThreeShapesAreToolErrors() async throws {
        guard let connection = try await Self.open() else { return }
        let echo = await connection.call("echo", arguments: ["text": "hi"])
        #expect(!echo.reply.isError && echo.reply.programValue == ["result": "hi"])
        let raised = await connection.call("fail", arguments: [:])
        #expect(raised.reply.isError && raised.reply.text.contains("the tool broke") && raised.serverFailure == nil, "\(raised)")
        let soft = await connection.call("soft_fail", arguments: [:])
        #expect(soft.reply.isError && soft.reply.text.contains("no such table") && soft.serverFailure == nil, "\(soft)")
        let unknown = await connection.call("no_such_tool", arguments: [:])
        #expect(unknown.reply.isError && unknown.serverFailure == nil, "\(unknown)")
        await connection.close()
    }

    @Test func aCrashFailsTheCallAtOnceAndEveryCallAfterIt() async throws {
        // A 10-minute timeout: only the exit can end the call in a test's time. That the exit
        // fails the call without waiting for anything is MCPSupervisionUnitTests' (on a manual clock).
        guard let connection = try await Self.open(timeout: 600) else { return }
        let crash = await connection.call("crash", arguments: [:])
        #expect(crash.reply.isError)
        #expect(crash.serverFailure?.contains("exited with status 3") == true, "\(crash.serverFailure ?? "")")
        let after = await connection.call("echo", arguments: ["text": "still there?"])
        #expect(after.serverFailure?.contains("exited") == true)
        await connection.close()
    }

    @Test func aHangIsATimeout() async throws {
        // When the timeout fires, and that closing waits for nothing, are MCPSupervisionUnitTests'
        // (on a manual clock); here a real server's hang reaches the same failure.
        guard let connection = try await Self.open(timeout: 2) else { return }
        let hang = await connection.call("hang", arguments: [:])
        #expect(hang.serverFailure?.contains("did not answer tools/call hang within 2 s") == true, "\(hang.serverFailure ?? "")")
        await connection.close()
    }

    @Test func garbageOnStdoutIsNamedInTheTimeout() async throws {
        guard let python = TestPeers.python else { return }
        let connection = try await ThirdPartyServerTests.open(
            "garbage", .init(command: [python, TestPeers.script("garbage_server.py")], timeoutSeconds: 2))
        let garbage = await connection.call("garbage", arguments: [:])
        #expect(garbage.serverFailure?.contains("this is not json-rpc") == true, "\(garbage.serverFailure ?? "")")
        await connection.close()
    }
}
