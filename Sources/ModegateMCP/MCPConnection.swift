import Foundation
import MCP
import ModegateCore

/// One MCP server as the harness drives it, through the official SDK's `Client` over our
/// transports: started (or reached), initialized, its tools listed, calls made with a timeout.
///
/// A tool's own failure — a JSON-RPC error, a result with `isError`, or error text matching the
/// server's `error_pattern` — is a failed `ToolReply`, which the model sees. The server failing
/// (exiting, not answering within `timeout_seconds`, an unreachable URL) is reported beside the
/// reply as `serverFailure`, which makes the trial an `mcp` infrastructure error.
///
/// The connection is supervised (`MCPConnection+Supervision`): a call that times out is
/// cancelled and the server pinged; a server that answers neither is killed with its process
/// group. A connection whose server went away (exited, hung, refused or reset the connection,
/// ended the session) stays failed and says why in `lostReason` and `lostCause`; whoever holds
/// it opens a new one for the next trial.
public actor MCPConnection {
    /// What one tool call came back with.
    public struct CallResult: Sendable {
        /// What the model (or the program) sees: the result, or the failure as a failed reply.
        public var reply: ToolReply
        /// Set when the server, not the tool, failed.
        public var serverFailure: String?
        /// The failure is a call that ran out of time on a server that then answered its health
        /// check: a `timeout`, where a server that went away is an `mcp` failure.
        public var timedOut = false

        /// The trial's infrastructure error when the server failed: `timeout` or `mcp`.
        public var trialError: TrialError? {
            serverFailure.map { TrialError(category: timedOut ? .timeout : .mcp, message: $0) }
        }
    }

    /// The server's name in the gate's `mcp.servers`.
    public nonisolated let name: String
    /// The protocol revision the server agreed to in `initialize`.
    public nonisolated let protocolVersion: String
    /// The name the server gives itself in `initialize`.
    public nonisolated let serverName: String
    let client: Client
    let process: MCPServerProcess?
    let timeout: Double
    let clock: any Clock<Duration>
    private let errorPattern: NSRegularExpression?
    /// What the server wrote to stdout that is not JSON-RPC.
    let noise: MCPServerNoise
    /// The run folder's `mcp-NAME.stderr.log` of a stdio server.
    public nonisolated var stderrPath: String? { noise.logPath }
    var failure: String?
    /// Set with `failure` when the server went away (not when `close()` ended the connection).
    var cause: MCPRestarts.Reason?
    var timedOut: Set<ID> = []
    /// The health check under way after a timeout, shared by every call that timed out meanwhile.
    var healthCheck: Task<Bool, Never>?

    init(
        name: String, client: Client, initialized: Initialize.Result, process: MCPServerProcess?, timeout: Double,
        errorPattern: NSRegularExpression?, noise: MCPServerNoise, clock: any Clock<Duration>
    ) {
        self.name = name
        self.client = client
        protocolVersion = initialized.protocolVersion
        serverName = initialized.serverInfo.name
        self.process = process
        self.timeout = timeout
        self.errorPattern = errorPattern
        self.noise = noise
        self.clock = clock
    }

    /// The oldest protocol revision the harness accepts.
    public static let minimumProtocolVersion = "2025-06-18"

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
                throw OpenError(server: name, reason: reason, wentAway: cause != nil)
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

    /// The `_meta` key naming the trial a call belongs to.
    public static let trialMetaKey = "modegate.dev/trial"

    /// Calls `tool`, giving up after `timeout_seconds`; never throws. A connection that has
    /// already failed answers at once with that failure. `trial` goes in the request's `_meta`.
    public func call(_ tool: String, arguments: JSONValue, trial: String? = nil) async -> CallResult {
        if let failure { return CallResult(reply: .failure(failure), serverFailure: failure) }
        let members = arguments.objectValue?.mapValues(\.mcpValue) ?? [:]
        let meta = trial.map { Metadata(additionalFields: [Self.trialMetaKey: .string($0)]) }
        do {
            let result = try await request(CallTool.request(.init(name: tool, arguments: members, meta: meta)), what: "tools/call \(tool)")
            return CallResult(reply: reply(from: result), serverFailure: nil)
        } catch let error as ServerFailure {
            return CallResult(reply: .failure(error.message), serverFailure: error.message, timedOut: error.timedOut)
        } catch is CancellationError {
            return CallResult(reply: .failure("the call was cancelled: the run was interrupted"), serverFailure: nil)
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
    /// hung, refused or reset the connection, ended the session); nil while it works, and after
    /// `close()`.
    public var lostReason: String? { cause != nil ? failure : nil }

    /// How the server went away, when it did: what a restart in its place is counted as.
    public var lostCause: MCPRestarts.Reason? { cause }

    /// Moves a stdio server's stderr log into `folder` (a run folder created after the server
    /// started); the server keeps writing to the same file.
    public nonisolated func moveLog(to folder: URL) {
        guard let path = MCPServerNoise.stderrPath(name: name, logFolder: folder) else { return }
        _ = noise.moveLog(to: path)
    }

    /// Ends the session and stops a stdio server (SIGTERM to its group, SIGKILL after 2 s).
    public func close() async {
        if failure == nil { failure = "MCP server '\(name)' was closed" }
        healthCheck?.cancel()
        await client.disconnect()
        await process?.stop()
    }

    // MARK: -

    struct ServerFailure: Error {
        var message: String
        /// Timed out on a server that is still alive.
        var timedOut = false
    }

    /// Sends one request and waits for its reply, at most `timeout` seconds; the request is
    /// cancelled (MCP's notifications/cancelled) on timeout and when the task is cancelled. A
    /// timeout is followed by a health check (`supervise(afterTimeout:of:)`).
    func request<M: MCP.Method>(_ request: Request<M>, what: String) async throws -> M.Result {
        if let failure { throw ServerFailure(message: failure) }
        let context: RequestContext<M.Result>
        do {
            context = try await client.send(request)
        } catch {
            throw ServerFailure(message: failure ?? "MCP server '\(name)': \(Self.describe(error))")
        }
        let id = context.requestID
        let watchdog = Task { [timeout, client, clock] in
            try await clock.sleep(for: .seconds(timeout), tolerance: nil)
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
                let checked = await supervise(afterTimeout: message, of: what)
                throw ServerFailure(message: checked.message, timedOut: !checked.lost)
            }
            if let failure { throw ServerFailure(message: failure) }
            if error is MCPTransportError {
                let message = "MCP server '\(name)': \(error)"
                if let cause = Self.lossCause(error) { loseServer(message, cause: cause) }
                throw ServerFailure(message: message)
            }
            throw error
        }
    }

    private func expire(_ id: ID) { timedOut.insert(id) }

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

    static func describe(_ error: Error) -> String {
        if let error = error as? MCPError {
            return "JSON-RPC error \(error.code): \(error.errorDescription ?? "\(error)")"
        }
        return "\(error)"
    }
}
