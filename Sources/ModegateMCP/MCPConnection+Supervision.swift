import Foundation
import MCP
import ModegateCore

/// How a connection decides its server is gone. A server that exits, refuses or resets the
/// connection is lost at once (`crash`); one that ends the MCP session under us (HTTP 404 on a
/// session) broke the protocol (`protocol`). A call that times out says nothing yet — a slow
/// tool is not a dead server — so the server is pinged with a short deadline: one that answers
/// goes on (only the call failed); one that does not is hung, and is killed with its process
/// group (`hang`), which fails every call in flight on it at once. However many calls time out
/// together, one ping is sent, so a hung server costs its timeout plus one health check.
extension MCPConnection {
    /// How long a server has to answer the `ping` after a timed-out call: a live server answers
    /// a ping in milliseconds, so a few seconds is generous even on a loaded machine, and short
    /// next to the timeout it follows.
    static func healthCheckSeconds(_ timeout: Double) -> Double { min(3, max(timeout / 2, 0.5)) }

    /// After a call timed out: checks the server once (shared with other calls timing out
    /// meanwhile), and returns the call's failure and whether the server is lost (found hung, or gone already).
    /// Calls that were waiting on a hung server fail with the hang's own message.
    func supervise(afterTimeout message: String, of what: String) async -> (message: String, lost: Bool) {
        if let failure, cause != nil { return (failure, true) }
        let check: Task<Bool, Never>
        if let healthCheck {
            check = healthCheck
        } else {
            check = Task { await self.answersPing() }
            healthCheck = check
        }
        let healthy = await check.value
        if healthCheck == check { healthCheck = nil }
        if healthy { return (message, false) }
        let ping = "no answer to a ping within \(Self.format(Self.healthCheckSeconds(timeout))) s"
        loseHungServer("MCP server '\(name)' hung: \(what) got no answer within \(Int(timeout)) s, and \(ping) "
            + "followed; it was stopped and is started again for the next trial")
        return (message + "; the server hung (\(ping) either), so it was stopped and is started again for the next trial", true)
    }

    /// A `ping` answered within the health check's deadline. A cancelled check (the run is
    /// stopping) counts as an answer: nothing is killed for a Ctrl-C.
    private func answersPing() async -> Bool {
        if failure != nil { return cause == nil }
        let context: RequestContext<Ping.Result>
        do {
            context = try await client.send(Ping.request())
        } catch {
            return false
        }
        let (id, client) = (context.requestID, self.client)
        do {
            _ = try await MCPDeadline.run(
                Self.healthCheckSeconds(timeout), clock: clock,
                onExpiry: { try? await client.cancelRequest(id, reason: "no answer to ping") }) { try await context.value }
            return true
        } catch is MCPDeadline.Expired {
            return false
        } catch {
            return Task.isCancelled
        }
    }

    /// Marks the server hung, kills its process group and fails every pending request now. The
    /// disconnect is not waited for: over HTTP it ends the session with a DELETE, which a hung
    /// server answers late or never, and the call that found the hang should not pay for it.
    private func loseHungServer(_ message: String) {
        guard failure == nil else { return }
        failure = message
        cause = .hang
        process?.kill()
        Task { [client] in await client.disconnect() }
    }

    /// What a transport failure means for the connection: nil when it can go on (an HTTP error
    /// status other than 404 is an answer: the server is there), else how the server went away —
    /// unreachable, reset or broke off its answer (`crash`), or ended the session (`protocol`).
    static func lossCause(_ error: Error) -> MCPRestarts.Reason? {
        switch error as? MCPTransportError {
        case .closed?: .crash
        case .http(let status, _)? where status == 404: .protocol
        case .http?, nil: nil
        }
    }

    /// A transport failure after which this connection cannot go on.
    static func isConnectionLoss(_ error: Error) -> Bool { lossCause(error) != nil }

    /// From now on every call fails at once with `message`, and `lostReason` says why.
    func loseServer(_ message: String, cause: MCPRestarts.Reason) {
        guard failure == nil else { return }
        failure = message
        self.cause = cause
    }

    /// The stdio server's process ended.
    func serverExited(_ status: Int32) async {
        // Closed by us: not a loss. Killed as hung: the hang is the news. A write that failed
        // first (a broken pipe) says less than the exit status does.
        guard failure == nil || cause == .crash else { return }
        var message = "MCP server '\(name)' \(MCPServerProcess.describe(status))"
        if let stderrPath { message += " (its stderr: \(stderrPath))" }
        failure = message
        cause = .crash
        // Fails every pending request at once instead of at its timeout.
        await client.disconnect()
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
