import Foundation
import ModegateCore
import Synchronization
@testable import ModegateMCP

/// A server's starts as a test scripts them, for `MCPServerHandle`'s restart policy: each start
/// works (an in-process server, listing the given tools), goes away during start-up (starting
/// again may help), fails for good, or stalls in `initialize`. Every start's marker line is kept, and the handle's
/// pauses run on the test's clock.
final class ScriptedStarts: Sendable {
    enum Start: Sendable {
        case works([String])
        case goesAway
        case fails
        /// Never answers `initialize`, as a server stuck in its start-up.
        case stalls
    }

    private let script: Mutex<[Start]>
    private let notes = Mutex<[String?]>([])
    let clock = ManualClock()

    /// Starts in the order given; once they are used up every start works with the usual tools.
    init(_ script: [Start] = []) { self.script = Mutex(script) }

    /// The marker line of each start so far (nil for a first start).
    var starts: [String?] { notes.withLock { $0 } }

    /// Appends starts to the script.
    func then(_ more: Start...) { script.withLock { $0 += more } }

    var starter: MCPServerHandle.Starter {
        MCPServerHandle.Starter(open: { [self] name, _, note in try await self.open(name, note: note) }, clock: clock)
    }

    /// A handle of `server` (a stdio server unless a URL is given), opened.
    func openedHandle(url: String? = nil, stop: RunStop = RunStop()) async throws -> MCPServerHandle {
        let handle = MCPServerHandle(name: "files", stop: stop, starter: starter)
        let server = url.map { MCPPlan.Server(url: $0, timeoutSeconds: 3) } ?? MCPPlan.Server(command: ["files-server"], timeoutSeconds: 3)
        try await handle.open(.init(server: server, environment: [:], logFolder: nil))
        return handle
    }

    private func open(_ name: String, note: String?) async throws -> MCPConnection {
        notes.withLock { $0.append(note) }
        let next = script.withLock { $0.isEmpty ? Start.works(["echo_ok", "hang_forever", "slow"]) : $0.removeFirst() }
        switch next {
        case .works(let tools):
            return try await MCPConnection.connect(
                name: name, transport: FakeServerTransport(tools: tools), process: nil, timeout: 3, errorPattern: nil,
                noise: MCPServerNoise(logPath: nil), clock: clock)
        case .stalls:
            return try await MCPConnection.connect(
                name: name, transport: FakeServerTransport(wedged: true), process: nil, timeout: 3, errorPattern: nil,
                noise: MCPServerNoise(logPath: nil), clock: clock)
        case .goesAway:
            throw MCPConnection.OpenError(server: name, reason: "the server exited with status 1 during initialize", wentAway: true)
        case .fails:
            throw MCPConnection.OpenError(server: name, reason: "command 'files-server' was not found")
        }
    }
}
