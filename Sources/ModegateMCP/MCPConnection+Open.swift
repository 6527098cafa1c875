import Foundation
import MCP
import ModegateCore

/// Starting or reaching a server and initializing it.
extension MCPConnection {
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

    /// Starting a server (an interpreter, a package runner fetching it) can take far longer than
    /// one call, so `initialize` gets at least a minute.
    static func startupSeconds(_ timeout: Double) -> Double { max(timeout, 60) }

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
        let transport: any Transport
        let process: MCPServerProcess
        switch server.transport {
        case .stdio(let command):
            let stderrPath = MCPServerNoise.stderrPath(name: name, logFolder: logFolder)
            if let stderrPath, let startNote { MCPServerNoise.append(line: startNote, to: stderrPath) }
            var merged = environment
            for (key, value) in server.env { merged[key] = value }
            do {
                process = try MCPServerProcess(command: command, environment: merged, stderrPath: stderrPath)
            } catch {
                throw OpenError(server: name, reason: "\(error)")
            }
            let noise = MCPServerNoise(logPath: stderrPath)
            transport = PipeTransport(input: process.input, output: process.output, noise: { noise.note($0) })
            return try await connect(
                name: name, transport: transport, process: process, timeout: Double(server.timeoutSeconds),
                errorPattern: pattern, noise: noise)
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
            return try await connect(
                name: name, transport: transport, process: nil, timeout: Double(server.timeoutSeconds), errorPattern: pattern,
                noise: MCPServerNoise(logPath: nil))
        }
    }

    /// Initializes a session over `transport` (with `process`, the stdio server behind it).
    /// Tests give an in-process transport and their own clock.
    static func connect(
        name: String, transport: any Transport, process: MCPServerProcess?, timeout: Double,
        errorPattern: NSRegularExpression?, noise: MCPServerNoise, clock: any Clock<Duration> = ContinuousClock()
    ) async throws -> MCPConnection {
        let client = Client(name: "modegate", version: ModegateVersion.current)
        let opening = ExpiryFlag()
        // A server that dies during start-up fails the pending `initialize` at once, not at the
        // start-up deadline.
        process?.onExit { _ in
            guard !opening.isSet else { return }
            Task { await client.disconnect() }
        }
        let initialized: Initialize.Result
        do {
            initialized = try await withTaskCancellationHandler {
                try await MCPDeadline.run(Self.startupSeconds(timeout), clock: clock, onExpiry: { await client.disconnect() }) {
                    try await client.connect(transport: transport)
                }
            } onCancel: {
                process?.kill()
                Task { await client.disconnect() }
            }
            try Task.checkCancellation()
        } catch {
            opening.set()
            throw await startFailure(error, name: name, process: process, timeout: timeout, noise: noise)
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
            errorPattern: errorPattern, noise: noise, clock: clock)
        process?.onExit { status in Task { await connection.serverExited(status) } }
        return connection
    }

    /// Why `initialize` failed, in words, and whether starting again may help.
    private static func startFailure(
        _ error: Error, name: String, process: MCPServerProcess?, timeout: Double, noise: MCPServerNoise
    ) async -> OpenError {
        // A write to a dying server's pipe can fail before the process is reaped.
        if let process, !process.hasExited, error is MCPTransportError { await process.waitForExit(seconds: 1) }
        let exited = process?.exitDescription
        process?.kill()
        var reason = "initialize failed: \(Self.describe(error))"
        var wentAway = false
        if error is CancellationError || Task.isCancelled {
            reason = "start-up was cancelled: the run was interrupted"
        } else if error is MCPDeadline.Expired {
            reason = "no answer to initialize within \(Int(Self.startupSeconds(timeout))) s"
        } else if let exited {
            reason = "the server \(exited) during initialize"
            wentAway = true
        } else if process == nil, Self.isConnectionLoss(error) {
            wentAway = true
        }
        if let line = noise.first { reason += "; it wrote to stdout what is not JSON-RPC: '\(line)'" }
        if let stderrPath = noise.logPath { reason += " (its stderr: \(stderrPath))" }
        return OpenError(server: name, reason: reason, wentAway: wentAway)
    }

    /// Where a stdio server's stderr goes: `FOLDER/mcp-NAME.stderr.log`.
    public static func stderrPath(name: String, logFolder: URL?) -> String? {
        MCPServerNoise.stderrPath(name: name, logFolder: logFolder)
    }
}
