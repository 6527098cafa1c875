import Foundation
import MCP
import ModegateCore
import Synchronization

/// One MCP server as the harness drives it, through the official SDK's `Client` over our
/// transports: started (or reached), initialized, its tools listed, calls made with a timeout.
///
/// A tool's own failure — a JSON-RPC error, a result with `isError`, or error text matching the
/// server's `error_pattern` — is a failed `ToolReply`, which the model sees. The server failing
/// (exiting, not answering within `timeout_seconds`, an unreachable URL) is reported beside the
/// reply as `serverFailure`, which makes the trial an `mcp` infrastructure error. A connection
/// whose server went away (the process exited, the URL refused or reset the connection, the
/// server ended the session) stays failed and says so in `lostReason`; whoever holds it opens a
/// new one for the next trial.
public actor MCPConnection {
    /// What `open` could not do, naming the server and the way out.
    public struct OpenError: Error, Sendable, CustomStringConvertible {
        /// The server's name in the gate's `mcp.servers`.
        public var server: String
        /// What went wrong, and what to do about it.
        public var reason: String
        /// True when the server went away while it was starting (the process exited, or the URL
        /// refused or reset the connection): starting it again may work. False for what a retry
        /// cannot fix (a missing command, a bad URL, an old protocol, no answer in time).
        public var wentAway = false
        /// `MCP server 'NAME': REASON`.
        public var description: String { "MCP server '\(server)': \(reason)" }
    }

    /// What one tool call came back with.
    public struct CallResult: Sendable {
        /// What the model (or the program) sees: the result, or the failure as a failed reply.
        public var reply: ToolReply
        /// Set when the server, not the tool, failed.
        public var serverFailure: String?
    }

    /// The server's name in the gate's `mcp.servers`.
    public nonisolated let name: String
    /// The protocol revision the server agreed to in `initialize`.
    public nonisolated let protocolVersion: String
    /// The name the server gives itself in `initialize`.
    public nonisolated let serverName: String
    private let client: Client
    private let process: MCPServerProcess?
    private let timeout: Double
    private let errorPattern: NSRegularExpression?
    /// The first line the server wrote to stdout that is not JSON-RPC.
    private let noise: FirstMessage
    /// The run folder's `mcp-NAME.stderr.log` of a stdio server.
    public nonisolated let stderrPath: String?
    private var failure: String?
    /// Set with `failure` when the server went away (not when `close()` ended the connection).
    private var lost = false
    private var timedOut: Set<ID> = []

    private init(
        name: String, client: Client, initialized: Initialize.Result, process: MCPServerProcess?, timeout: Double,
        errorPattern: NSRegularExpression?, noise: FirstMessage, stderrPath: String?
    ) {
        self.name = name
        self.client = client
        protocolVersion = initialized.protocolVersion
        serverName = initialized.serverInfo.name
        self.process = process
        self.timeout = timeout
        self.errorPattern = errorPattern
        self.noise = noise
        self.stderrPath = stderrPath
    }

    /// Starting a server (an interpreter, a package runner fetching it) can take far longer than
    /// one call, so `initialize` gets at least a minute.
    static func startupSeconds(_ timeout: Double) -> Double { max(timeout, 60) }

    /// The oldest protocol revision the harness accepts.
    public static let minimumProtocolVersion = "2025-06-18"

    /// Where a stdio server's stderr goes: `FOLDER/mcp-NAME.stderr.log`.
    public static func stderrPath(name: String, logFolder: URL?) -> String? {
        let fileName = String(name.map { $0.isLetter || $0.isNumber || "_.-".contains($0) ? $0 : "-" })
        return logFolder?.appendingPathComponent("mcp-\(fileName).stderr.log").path
    }

    /// Starts or reaches the server and initializes it. `logFolder` receives a stdio server's
    /// stderr as `mcp-NAME.stderr.log`, appended to, so every start of the server is kept;
    /// `startNote` is written there as a line of its own before the process starts (a restart's
    /// marker). Cancelling the task stops the start-up at once.
    public static func open(
        name: String, server: MCPPlan.Server, environment: [String: String], logFolder: URL?, startNote: String? = nil
    ) async throws -> MCPConnection {
        var pattern: NSRegularExpression?
        if let text = server.errorPattern {
            do {
                pattern = try NSRegularExpression(pattern: text)
            } catch {
                throw OpenError(server: name, reason: "error_pattern '\(text)' is not a regular expression: \(error)")
            }
        }
        let noise = FirstMessage()
        let transport: any Transport
        var process: MCPServerProcess?
        var stderrPath: String?
        switch server.transport {
        case .stdio(let command):
            stderrPath = Self.stderrPath(name: name, logFolder: logFolder)
            if let stderrPath, let startNote { Self.append(line: startNote, to: stderrPath) }
            var merged = environment
            for (key, value) in server.env { merged[key] = value }
            do {
                process = try MCPServerProcess(command: command, environment: merged, stderrPath: stderrPath)
            } catch {
                throw OpenError(server: name, reason: "\(error)")
            }
            transport = PipeTransport(
                input: process!.input, output: process!.output,
                noise: { noise.note($0) })
        case .http(let url):
            guard let endpoint = URL(string: url), endpoint.scheme == "http" || endpoint.scheme == "https" else {
                throw OpenError(server: name, reason: "url '\(url)' is not an http(s) URL")
            }
            var headers: [String: String] = [:]
            for (header, variable) in server.headersEnv {
                guard let value = environment[variable], !value.isEmpty else {
                    throw OpenError(server: name, reason: "header \(header) needs the environment variable \(variable), which is not set")
                }
                headers[header] = value
            }
            transport = StreamableHTTPTransport(endpoint: endpoint, headers: headers, requestTimeout: Double(server.timeoutSeconds))
        }
        let client = Client(name: "modegate", version: ModegateVersion.current)
        let timeout = Double(server.timeoutSeconds)
        let opening = ExpiryFlag()
        let spawned = process
        // A server that dies during start-up fails the pending `initialize` at once, not at the
        // start-up deadline.
        process?.onExit { _ in
            guard !opening.isSet else { return }
            Task { await client.disconnect() }
        }
        let initialized: Initialize.Result
        do {
            initialized = try await withTaskCancellationHandler {
                try await Self.deadline(Self.startupSeconds(timeout), onExpiry: { await client.disconnect() }) {
                    try await client.connect(transport: transport)
                }
            } onCancel: {
                spawned?.kill()
                Task { await client.disconnect() }
            }
            try Task.checkCancellation()
        } catch {
            opening.set()
            // A write to a dying server's pipe can fail before the process is reaped.
            if let process, !process.hasExited, error is MCPTransportError { await process.waitForExit(seconds: 1) }
            let exited = process?.exitDescription
            process?.kill()
            var reason = "initialize failed: \(Self.describe(error))"
            var wentAway = false
            if error is CancellationError || Task.isCancelled {
                reason = "start-up was cancelled: the run was interrupted"
            } else if error is DeadlineExpired {
                reason = "no answer to initialize within \(Int(Self.startupSeconds(timeout))) s"
            } else if let exited {
                reason = "the server \(exited) during initialize"
                wentAway = true
            } else if process == nil, Self.isConnectionLoss(error) {
                wentAway = true
            }
            if let line = noise.first { reason += "; it wrote to stdout what is not JSON-RPC: '\(line)'" }
            if let stderrPath { reason += " (its stderr: \(stderrPath))" }
            throw OpenError(server: name, reason: reason, wentAway: wentAway)
        }
        opening.set()
        guard initialized.protocolVersion >= minimumProtocolVersion else {
            await client.disconnect()
            process?.kill()
            throw OpenError(
                server: name,
                reason: "it speaks MCP \(initialized.protocolVersion); modegate needs \(minimumProtocolVersion) or newer")
        }
        let connection = MCPConnection(
            name: name, client: client, initialized: initialized, process: process, timeout: timeout,
            errorPattern: pattern, noise: noise, stderrPath: stderrPath)
        process?.onExit { status in Task { await connection.serverExited(status) } }
        return connection
    }

    /// Every tool the server lists (following `nextCursor`).
    public func listTools() async throws -> [ToolDescriptor] {
        var tools: [ToolDescriptor] = []
        var cursor: String?
        repeat {
            let page = ListTools.request(cursor.map { .init(cursor: $0) } ?? .init())
            let result: ListTools.Result
            do {
                result = try await request(page, what: "tools/list")
            } catch {
                var reason = "\(error)"
                if let stderrPath, !reason.contains(stderrPath) { reason += " (its stderr: \(stderrPath))" }
                throw OpenError(server: name, reason: reason, wentAway: lost)
            }
            tools += result.tools.map {
                ToolDescriptor(
                    name: $0.name, description: $0.description ?? "", inputSchema: JSONValue($0.inputSchema),
                    outputSchema: $0.outputSchema.map(JSONValue.init))
            }
            cursor = result.nextCursor
        } while cursor != nil && tools.count < 10_000
        return tools
    }

    /// Calls `tool`, giving up after `timeout_seconds`; never throws. A connection that has
    /// already failed answers at once with that failure.
    public func call(_ tool: String, arguments: JSONValue) async -> CallResult {
        if let failure { return CallResult(reply: .failure(failure), serverFailure: failure) }
        let members = arguments.objectValue?.mapValues(\.mcpValue) ?? [:]
        do {
            let result = try await request(CallTool.request(.init(name: tool, arguments: members)), what: "tools/call \(tool)")
            return CallResult(reply: reply(from: result), serverFailure: nil)
        } catch let error as ServerFailure {
            return CallResult(reply: .failure(error.message), serverFailure: error.message)
        } catch is CancellationError {
            return CallResult(reply: .failure("the call was cancelled: the run was interrupted"), serverFailure: nil)
        } catch let error as MCPError {
            return CallResult(reply: .failure(Self.describe(error)), serverFailure: nil)
        } catch {
            return CallResult(reply: .failure(Self.describe(error)), serverFailure: nil)
        }
    }

    /// Reads a resource's text (the served suites' final state), nil when there is none.
    public func readText(uri: String) async throws -> String? {
        let result = try await request(ReadResource.request(.init(uri: uri)), what: "resources/read")
        for content in result.contents { if let text = content.text { return text } }
        return nil
    }

    /// Why this connection can carry no more calls because its server went away (it exited,
    /// refused or reset the connection, ended the session); nil while it works, and after
    /// `close()`.
    public var lostReason: String? { lost ? failure : nil }

    /// Ends the session and stops a stdio server (SIGTERM to its group, SIGKILL after 2 s).
    public func close() async {
        if failure == nil { failure = "MCP server '\(name)' was closed" }
        await client.disconnect()
        await process?.stop()
    }

    // MARK: -

    private struct ServerFailure: Error { var message: String }
    struct DeadlineExpired: Error {}

    /// Sends one request and waits for its reply, at most `timeout` seconds; the request is
    /// cancelled (MCP's notifications/cancelled) on timeout and when the task is cancelled.
    private func request<M: MCP.Method>(_ request: Request<M>, what: String) async throws -> M.Result {
        if let failure { throw ServerFailure(message: failure) }
        let context: RequestContext<M.Result>
        do {
            context = try await client.send(request)
        } catch {
            throw ServerFailure(message: failure ?? "MCP server '\(name)': \(Self.describe(error))")
        }
        let id = context.requestID
        let watchdog = Task { [timeout, client] in
            try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
            self.expire(id)
            try? await client.cancelRequest(id, reason: "timed out")
        }
        defer { watchdog.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await context.value
            } onCancel: {
                Task { try? await client.cancelRequest(id, reason: "the run was interrupted") }
            }
        } catch {
            if timedOut.remove(id) != nil {
                var message = "MCP server '\(name)' did not answer \(what) within \(Int(timeout)) s"
                if let line = noise.first { message += "; it wrote to stdout what is not JSON-RPC: '\(line)'" }
                throw ServerFailure(message: message)
            }
            if let failure { throw ServerFailure(message: failure) }
            if error is MCPTransportError {
                let message = "MCP server '\(name)': \(error)"
                if Self.isConnectionLoss(error) { loseServer(message) }
                throw ServerFailure(message: message)
            }
            throw error
        }
    }

    /// A transport failure after which this connection cannot go on: the server is unreachable,
    /// reset the connection or broke off its answer, or ended the session (HTTP 404 on a
    /// session). Other HTTP statuses are answers: the server is there.
    static func isConnectionLoss(_ error: Error) -> Bool {
        switch error as? MCPTransportError {
        case .closed?: true
        case .http(let status, _)?: status == 404
        case nil: false
        }
    }

    /// From now on every call fails at once with `message`, and `lostReason` says why.
    private func loseServer(_ message: String) {
        guard failure == nil else { return }
        failure = message
        lost = true
    }

    private func expire(_ id: ID) { timedOut.insert(id) }

    private func serverExited(_ status: Int32) async {
        // Closed by us: not a loss. A write that failed first (a broken pipe) says less than
        // the exit status does.
        guard failure == nil || lost else { return }
        var message = "MCP server '\(name)' \(MCPServerProcess.describe(status))"
        if let stderrPath { message += " (its stderr: \(stderrPath))" }
        failure = message
        lost = true
        // Fails every pending request at once instead of at its timeout.
        await client.disconnect()
    }

    /// The three ways servers report a failed tool, and the text a model would see.
    private func reply(from result: CallTool.Result) -> ToolReply {
        let text = result.content.map(Self.text(of:)).joined(separator: "\n")
        if result.isError == true { return .failure(text.isEmpty ? "the tool reported an error" : text) }
        if let errorPattern, errorPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
            return .failure(text)
        }
        let structured = result.structuredContent.map(JSONValue.init)
        return ToolReply(structuredContent: structured, text: text.isEmpty ? (structured?.jsonText ?? "") : text)
    }

    private static func text(of content: Tool.Content) -> String {
        switch content {
        case .text(let text, _, _): text
        case .image(_, let mimeType, _, _): "[image \(mimeType)]"
        case .audio(_, let mimeType, _, _): "[audio \(mimeType)]"
        case .resource(let resource, _, _): resource.text ?? "[resource \(resource.uri)]"
        case .resourceLink(let uri, let name, _, _, _, _): "[resource link \(name): \(uri)]"
        }
    }

    /// Appends one line to a log file (created if missing); a log that cannot be written is not
    /// worth failing a start for.
    static func append(line: String, to path: String) {
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { Foundation.close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? MCPError {
            return "JSON-RPC error \(error.code): \(error.errorDescription ?? "\(error)")"
        }
        return "\(error)"
    }

    /// Runs `body`, or gives up after `seconds`, calling `onExpiry` to unblock it.
    static func deadline<T: Sendable>(
        _ seconds: Double, onExpiry: @escaping @Sendable () async -> Void, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let expired = ExpiryFlag()
        let watchdog = Task {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            expired.set()
            await onExpiry()
        }
        defer { watchdog.cancel() }
        do {
            return try await body()
        } catch {
            if expired.isSet { throw DeadlineExpired() }
            throw error
        }
    }
}

/// Set by a deadline's watchdog when it fires, read by the call it guarded.
final class ExpiryFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
