import Foundation
import ModegateCore

/// The gate's MCP servers for one run: each opened and listed once before the first trial,
/// started again for the next trial when it crashes or hangs (see `MCPServerHandle`), and
/// closed when the run ends (Ctrl-C included). A stdio server's stderr goes to the run folder.
///
/// A server a suite or an arm uses has a handle per arm that plays (`handle(_:arm:)`): each arm
/// gets a process (or, for a URL, a session) of its own, so one arm's crash, hang or leftover
/// state never reaches the other's trials. A handle without an arm (listing, `check`, `serve`)
/// serves whoever asks.
public actor MCPServerPool {
    /// A handle's identity: the server's name, and the arm it serves (nil: any).
    struct Key: Hashable, Comparable {
        var name: String
        var arm: ArmRole?

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.name, lhs.arm?.rawValue ?? "") < (rhs.name, rhs.arm?.rawValue ?? "")
        }
    }

    private let plan: MCPPlan
    private let environment: [String: String]
    private var handles: [Key: MCPServerHandle] = [:]
    /// Servers the run starts itself (built-in suites served over MCP), beside the gate's.
    private var ownServers: [String: MCPPlan.Server] = [:]
    /// Lines about arms' servers that listed different tools at their first start.
    private var armDrift: [String] = []
    private var closed = false
    /// Where each arm's servers log, once `open` was told.
    private var logFolders: [ArmRole: URL] = [:]
    private var sharedLogFolder: URL?
    /// The run's stop channel: a crashed server that cannot be started again stops the run.
    public nonisolated let stop: RunStop

    /// A pool for the gate's `mcp:`; stdio servers inherit `environment`, and `headers_env`
    /// values are read from it. Every handle stops the run through `stop`.
    public init(plan: MCPPlan, environment: [String: String], stop: RunStop = RunStop()) {
        self.plan = plan
        self.environment = environment
        self.stop = stop
    }

    /// The handle a suite or an arm holds for `name`; connected by `open`.
    public func handle(_ name: String, arm: ArmRole? = nil) -> MCPServerHandle {
        let key = Key(name: name, arm: arm)
        if let handle = handles[key] { return handle }
        let handle = MCPServerHandle(name: name, stop: stop)
        handles[key] = handle
        return handle
    }

    /// A handle for a server the run starts itself, under a name no gate server can have.
    public func handle(serving suite: String, command: [String]) -> MCPServerHandle {
        let name = "modegate serve \(suite)"
        ownServers[name] = MCPPlan.Server(command: command, timeoutSeconds: 60)
        return handle(name)
    }

    /// Opens every server a handle was asked for; an arm's servers log to `logFolders[arm]`,
    /// the others to `logFolder`, and one opened earlier (for a check, before the runs' folders
    /// existed) has its log moved there. A URL's server is listed for every arm, then parked for
    /// arms other than `firstArm` until their first trial (see `MCPServerHandle.park()`).
    /// Throws `MCPUnavailableError`.
    public func open(logFolder: URL?, logFolders: [ArmRole: URL] = [:], firstArm: ArmRole? = nil) async throws {
        if let logFolder { sharedLogFolder = logFolder }
        self.logFolders.merge(logFolders) { _, new in new }
        for (key, handle) in handles.sorted(by: { $0.key < $1.key }) {
            let folder = key.arm.flatMap { logFolders[$0] } ?? logFolder
            guard await !handle.isOpen else {
                if let folder { await handle.moveLog(to: folder) }
                continue
            }
            guard let server = ownServers[key.name] ?? plan.servers[key.name] else {
                throw MCPUnavailableError("MCP server '\(key.name)' is not defined in the gate's mcp.servers")
            }
            try await handle.open(.init(server: server, environment: environment, logFolder: folder))
        }
        noteArmDrift()
        for (key, handle) in handles where key.arm != nil && key.arm != firstArm {
            if case .http = (ownServers[key.name] ?? plan.servers[key.name])?.transport { await handle.park() }
        }
    }

    /// The folder `arm`'s servers log to (the servers a trial starts for itself too), once open.
    public func logFolder(for arm: ArmRole?) -> URL? { arm.flatMap { logFolders[$0] } ?? sharedLogFolder }

    /// Every handle's tool-list drift after restarts, and between arms, by server name.
    public func toolDrift() -> [String] {
        armDrift + handles.keys.sorted().flatMap { handles[$0]?.toolDrift ?? [] }
    }

    /// Runs `body`, then closes every server on whatever path it leaves by — a result, an error,
    /// a cancellation — so no caller has to remember to.
    public nonisolated func closing<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let value: T
        do {
            value = try await body()
        } catch {
            await closeAll()
            throw error
        }
        await closeAll()
        return value
    }

    /// Closes every server (a stdio server's process is stopped), cancelling a restart under way.
    public func closeAll() async {
        closed = true
        for handle in handles.values { await handle.close() }
    }

    /// True once `closeAll` ran.
    public var isClosed: Bool { closed }

    /// Both arms are offered the first arm's list; a server whose other start listed other
    /// tools is named, since that arm's trials may call tools the server does not answer.
    private func noteArmDrift() {
        var first: [String: (arm: ArmRole, tools: [ToolDescriptor])] = [:]
        armDrift = []
        for (key, handle) in handles.sorted(by: { $0.key < $1.key }) {
            guard let arm = key.arm else { continue }
            guard let earlier = first[key.name] else {
                first[key.name] = (arm, handle.tools)
                continue
            }
            if let change = ToolListDrift.describe(before: earlier.tools, after: handle.tools) {
                armDrift.append("MCP server '\(key.name)' listed other tools for the \(arm) than for the \(earlier.arm) "
                    + "(\(change)); both arms were offered the \(earlier.arm)'s list")
            }
        }
    }
}
