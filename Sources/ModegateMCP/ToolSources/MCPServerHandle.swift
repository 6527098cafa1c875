import Foundation
import ModegateCore
import Synchronization

/// One MCP server of the run as suites, sessions and strategies see it: its tools, listed at
/// its first start, and a connection that each trial leases.
///
/// A server that went away (its process exited or hung, its URL refused or reset the connection
/// or ended the session) is started again lazily, when the next trial asks for it: one restart per death however many
/// trials ask at once, and the restarted stdio server's stderr is appended to the same log after
/// a marker line. A start that fails because the server went away again is retried after a
/// pause (`retryPauses`); when the pauses are used up the server is given up and the run's
/// run stopped through its `RunStop` (exit 4). Nothing is started once the pool is closing or
/// the asking trial is cancelled (Ctrl-C), so an interrupted run never counts a restart.
public actor MCPServerHandle {
    /// A trial's use of the server: its connection, and whether this trial started it again.
    public struct Lease: Sendable {
        /// The live connection.
        public var connection: MCPConnection
        /// Why the server was started again, for the one lease whose request started it.
        public var restart: MCPRestarts.Reason?
        /// True for the one lease whose request started the server again.
        public var restarted: Bool { restart != nil }
    }

    /// How to start the server: its gate entry and where its stderr goes.
    struct Launch: Sendable {
        var server: MCPPlan.Server
        var environment: [String: String]
        var logFolder: URL?
    }

    /// How the handle starts its server and waits between failed starts: a real process or URL
    /// and the continuous clock in a run; an in-process server and a clock the test moves in the
    /// restart policy's unit tests.
    struct Starter: Sendable {
        /// Starts (or reaches) the server `name` and initializes it; `startNote` is the marker
        /// line for its stderr log. Throws `MCPConnection.OpenError`.
        var open: @Sendable (_ name: String, _ launch: Launch, _ startNote: String?) async throws -> MCPConnection
        /// Paces the retries.
        var clock: any Clock<Duration>

        /// The server's own process or URL, on the continuous clock.
        static let live = Starter(
            open: { name, launch, note in
                try await MCPConnection.open(
                    name: name, server: launch.server, environment: launch.environment,
                    logFolder: launch.logFolder, startNote: note)
            },
            clock: ContinuousClock())
    }

    /// The pauses between starts of a server that went away during start-up; one failed start
    /// more than there are pauses gives the server up (when it was being restarted, the run
    /// halts, exit 4). A stdio server is ours to start, so it is tried three times, 0.5 s and 1 s
    /// apart. A URL's server is brought back by whoever runs it (a supervisor, a container
    /// runtime): before the first trial it should already listen, so three tries over 3 s; after
    /// it went away it gets 30 s, tried often at first so a quick supervisor costs little (a
    /// Python server on a loaded CI machine took 16 s from its crash to listening again).
    static func retryPauses(_ server: MCPPlan.Server, restart: Bool) -> [Double] {
        guard case .http = server.transport else { return [0.5, 1] }
        return restart ? [1, 2, 4, 8, 15] : [1, 2]
    }

    /// The server's name: its key in `mcp.servers`, or `modegate serve SUITE` for one the run starts.
    public nonisolated let name: String
    private nonisolated let listed = Mutex<[ToolDescriptor]>([])
    private nonisolated let drift = Mutex<[String]>([])
    private let stop: RunStop
    private let starter: Starter
    private var launch: Launch?
    private var current: MCPConnection?
    private var restarting: Task<Result<MCPConnection, MCPSessionError>, Never>?
    /// Why the server is being started again (the marker line names it).
    private var restartReason: MCPRestarts.Reason = .crash
    /// Successful restarts so far (the marker of the next one names it).
    private var restarts = 0
    /// Failed starts since the last one that worked.
    private var failedStarts = 0
    private var givenUp: String?
    private var closed = false
    /// Listed, then closed until the first trial asks (`park()`).
    private var parked = false

    init(name: String, stop: RunStop, starter: Starter = .live) {
        self.name = name
        self.stop = stop
        self.starter = starter
    }

    /// The tools as the first start listed them; a restart keeps them, since both arms'
    /// trials must see the same tools.
    public nonisolated var tools: [ToolDescriptor] { listed.withLock { $0 } }

    /// One line per restart whose `tools/list` differed from the first start's: trials after it
    /// were offered tools the server no longer answers as listed.
    public nonisolated var toolDrift: [String] { drift.withLock { $0 } }

    var isOpen: Bool { current != nil || parked }

    /// The first start, before any trial. Throws `MCPUnavailableError`.
    func open(_ launch: Launch) async throws {
        guard current == nil else { return }
        self.launch = launch
        switch await start(restart: false) {
        case .success(let connection): current = connection
        case .failure(let error): throw MCPUnavailableError(error.description)
        }
    }

    /// The connection for one trial: the current one while it works; once its server went
    /// away, a fresh one (the first trial to ask starts it; trials asking meanwhile wait for it).
    public func lease() async -> Result<Lease, MCPSessionError> {
        while true {
            if let givenUp { return .failure(.cannotStart(givenUp)) }
            if let restarting { return await Self.wait(for: restarting) }
            if parked {
                let task = Task { await self.resume() }
                restarting = task
                return await Self.wait(for: task)
            }
            guard let connection = current else { return .failure(.notOpen(name)) }
            let lost = await connection.lostCause
            // Another trial may have replaced the connection, or begun to, meanwhile.
            guard current === connection, restarting == nil else { continue }
            guard let lost else { return .success(Lease(connection: connection, restart: nil)) }
            if closed || Task.isCancelled {
                return .failure(.cannotStart("MCP server '\(name)' is not started again: the run is stopping"))
            }
            restartReason = lost
            let task = Task { await self.restart() }
            restarting = task
            return await Self.wait(for: task).map { Lease(connection: $0.connection, restart: lost) }
        }
    }

    /// Ends the connection opened for listing; the first trial to ask opens a fresh one (not a
    /// restart). A URL's server is shared by whoever reaches it, so an arm that plays later
    /// starts its session then, not on a server another arm's trials may have crashed since.
    func park() async {
        guard let current, !closed else { return }
        await current.close()
        self.current = nil
        parked = true
    }

    /// Moves the server's stderr log into `folder` and starts it there from now on (a run folder
    /// created after the server was started for a check).
    func moveLog(to folder: URL) {
        guard let launch, launch.logFolder != folder else { return }
        current?.moveLog(to: folder)
        self.launch?.logFolder = folder
    }

    /// Ends the current connection and any start in progress; nothing is started afterwards.
    func close() async {
        closed = true
        if let restarting {
            restarting.cancel()
            _ = await restarting.value
        }
        await current?.close()
    }

    // MARK: -

    /// A trial waiting for a restart; if the trial is cancelled (Ctrl-C), so is the restart.
    private static func wait(for task: Task<Result<MCPConnection, MCPSessionError>, Never>) async -> Result<Lease, MCPSessionError> {
        let result = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        return result.map { Lease(connection: $0, restart: nil) }
    }

    /// Opens the parked server for its first trial; a failed start leaves it parked, so the next
    /// trial tries again.
    private func resume() async -> Result<MCPConnection, MCPSessionError> {
        defer { restarting = nil }
        guard !closed else { return .failure(.cannotStart("MCP server '\(name)' is not started: the run is stopping")) }
        let result = await start(restart: false)
        if case .success(let fresh) = result {
            if closed {
                await fresh.close()
                return .failure(.cannotStart("MCP server '\(name)' is not started: the run is stopping"))
            }
            current = fresh
            parked = false
        }
        return result
    }

    /// Starts the server again in place of the dead connection.
    private func restart() async -> Result<MCPConnection, MCPSessionError> {
        defer { restarting = nil }
        let result = await start(restart: true)
        guard case .success(let fresh) = result else { return result }
        if closed {
            await fresh.close()
            return .failure(.cannotStart("MCP server '\(name)' is not started again: the run is stopping"))
        }
        await current?.close()
        current = fresh
        restarts += 1
        return result
    }

    /// Starts the server and lists its tools, retrying at once while it dies during start-up.
    private func start(restart: Bool) async -> Result<MCPConnection, MCPSessionError> {
        guard let launch else { return .failure(.notOpen(name)) }
        let pauses = Self.retryPauses(launch.server, restart: restart)
        while true {
            if Task.isCancelled || (restart && closed) {
                return .failure(.cannotStart("MCP server '\(name)' is not started: the run is stopping"))
            }
            do {
                let connection = try await starter.open(name, launch, marker(restart: restart))
                do {
                    let tools = try await connection.listTools()
                    if restart {
                        noteDrift(tools)
                    } else {
                        listed.withLock { $0 = tools }
                    }
                } catch {
                    await connection.close()
                    throw error
                }
                failedStarts = 0
                return .success(connection)
            } catch {
                // An interrupted start-up is not the server's failure.
                if Task.isCancelled {
                    return .failure(.cannotStart("MCP server '\(name)' is not started: the run is stopping"))
                }
                let openError = error as? MCPConnection.OpenError
                failedStarts += 1
                if failedStarts > pauses.count {
                    let message = giveUpMessage(openError.map(\.reason) ?? "\(error)", restart: restart)
                    if restart {
                        givenUp = message
                        stop.stop(.serverHalted(message))
                    }
                    return .failure(.cannotStart(message))
                }
                guard openError?.wentAway == true else {
                    let prefix = restart ? "MCP server '\(name)' went away and could not be started again: " : ""
                    return .failure(.cannotStart(prefix + "\(error)"))
                }
                try? await starter.clock.sleep(for: .seconds(pauses[failedStarts - 1]), tolerance: nil)
            }
        }
    }

    /// Compares a restart's tool list with the first start's.
    private func noteDrift(_ tools: [ToolDescriptor]) {
        guard let change = ToolListDrift.describe(before: self.tools, after: tools) else { return }
        let line = "MCP server '\(name)' listed other tools after restart \(restarts + 1) (\(change)); "
            + "the trials kept the first start's list"
        drift.withLock { $0.append(line) }
    }

    /// The line that separates this start's stderr from the last one's; nil for the first start.
    private func marker(restart: Bool) -> String? {
        guard restart || failedStarts > 0 else { return nil }
        let what = restart ? "restart \(restarts + 1) of '\(name)'" : "start of '\(name)'"
        let why = restart ? ", after a \(restartReason == .protocol ? "protocol failure" : restartReason.rawValue)" : ""
        let after = failedStarts > 0 ? " (after \(failedStarts) failed start\(failedStarts == 1 ? "" : "s"))" : ""
        return "--- modegate: \(what) at \(ISO8601Timestamp.format(Date()))\(why)\(after) ---"
    }

    private func giveUpMessage(_ reason: String, restart: Bool) -> String {
        var message = "MCP server '\(name)' failed to start \(failedStarts) times in a row"
        message += restart ? " after it went away" : ""
        message += "; the last time: \(reason)"
        if let path = MCPConnection.stderrPath(name: name, logFolder: launch?.logFolder), !message.contains(path) {
            message += " (its stderr: \(path))"
        }
        return message
    }
}
