import Foundation
import ModegateCore
import Testing
@testable import ModegateMCP

/// Supervision of one connection (issue 22, point 1) against an in-process server, on a manual
/// clock: what a timed-out call leads to — cancellation, one health check, and a hung server's
/// loss — is decided by moving the clock, so no test waits or bounds a wall-clock time.
@Suite struct MCPSupervisionUnitTests {
    static func connect(_ server: FakeServerTransport, clock: ManualClock) async throws -> MCPConnection {
        let connection = try await MCPConnection.connect(
            name: "fake", transport: server, process: nil, timeout: 3, errorPattern: nil,
            noise: MCPServerNoise(logPath: nil), clock: clock)
        // The start-up deadline's watchdog is gone once `initialize` has been answered.
        await clock.waitForSleepers(0)
        return connection
    }

    /// A manual clock, the in-process server and a connection to it, initialized.
    static func started() async throws -> (ManualClock, FakeServerTransport, MCPConnection) {
        let clock = ManualClock()
        let server = FakeServerTransport()
        return (clock, server, try await connect(server, clock: clock))
    }

    @Test func aHungServerIsPingedOnceAndLostWithEveryCallInFlight() async throws {
        let (clock, server, connection) = try await Self.started()
        let hung = Task { await connection.call("hang_forever", arguments: [:]) }
        await clock.waitForSleepers(1)
        let behind = Task { await connection.call("echo_ok", arguments: [:]) }
        await clock.waitForSleepers(2)
        // Both calls time out together: each is cancelled, and one ping checks the server.
        clock.advance(by: .seconds(3))
        await clock.waitForSleepers(1)
        #expect(await server.messages("ping").count == 1)
        let cancelled = await server.messages("notifications/cancelled")
        #expect(cancelled.count == 2, "\(cancelled)")
        // A call made while the server is being checked waits with the others.
        let late = Task { await connection.call("echo_ok", arguments: [:]) }
        await clock.waitForSleepers(2)
        #expect(await connection.lostCause == nil)
        // The ping's deadline passes: the server is hung, and everything in flight fails now.
        clock.advance(by: .milliseconds(1500))
        let (first, second, third) = (await hung.value, await behind.value, await late.value)
        #expect(first.serverFailure?.contains(
            "did not answer tools/call hang_forever within 3 s; the server hung (no answer to a ping within 1.5 s either)") == true,
            "\(first.serverFailure ?? "")")
        #expect(second.serverFailure?.contains("did not answer tools/call echo_ok within 3 s; the server hung") == true,
                "\(second.serverFailure ?? "")")
        #expect(!first.timedOut && !second.timedOut && !third.timedOut, "a hung server is an mcp failure, not a timeout")
        #expect(third.serverFailure?.hasPrefix("MCP server 'fake' hung: tools/call") == true, "\(third.serverFailure ?? "")")
        #expect(await connection.lostCause == .hang)
        #expect(await connection.lostReason?.hasPrefix("MCP server 'fake' hung:") == true)
        // Still one ping, and later calls fail at once without reaching the server.
        #expect(await server.messages("ping").count == 1)
        let after = await connection.call("echo_ok", arguments: [:])
        #expect(after.serverFailure != nil)
        #expect(await server.messages("tools/call").count == 3)
    }

    @Test func aSlowToolOnAHealthyServerFailsAloneAndTheConnectionGoesOn() async throws {
        let (clock, server, connection) = try await Self.started()
        let slow = Task { await connection.call("slow", arguments: [:]) }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(3))
        let result = await slow.value
        #expect(result.serverFailure == "MCP server 'fake' did not answer tools/call slow within 3 s", "\(result.serverFailure ?? "")")
        // The server answered its health check: a timeout, not a lost server.
        #expect(result.timedOut)
        #expect(await server.messages("ping").count == 1)
        #expect(await connection.lostCause == nil)
        let next = await connection.call("echo_ok", arguments: [:])
        #expect(next.serverFailure == nil && next.reply.text == "ok", "\(next)")
    }

    @Test func aCallTimesOutAtItsTimeoutNotBefore() async throws {
        let (clock, server, connection) = try await Self.started()
        let slow = Task { await connection.call("slow", arguments: [:]) }
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(2999))
        for _ in 0..<1_000 { await Task.yield() }
        #expect(await server.messages("notifications/cancelled").isEmpty)
        clock.advance(by: .milliseconds(1))
        #expect(await slow.value.serverFailure?.contains("within 3 s") == true)
    }

    @Test func aServerThatExitsFailsTheCallInFlightAtOnce() async throws {
        let (clock, server, connection) = try await Self.started()
        let hung = Task { await connection.call("slow", arguments: [:]) }
        await clock.waitForSleepers(1)
        // What a stdio server's exit leads to; the clock does not move.
        await connection.serverExited(3 << 8)
        let result = await hung.value
        #expect(result.serverFailure?.hasPrefix("MCP server 'fake' exited with status 3") == true, "\(result.serverFailure ?? "")")
        #expect(await connection.lostCause == .crash)
        #expect(await server.messages("ping").isEmpty)
        let after = await connection.call("echo_ok", arguments: [:])
        #expect(after.serverFailure == result.serverFailure)
    }

    @Test func aCallAnsweredInTimeCostsNoHealthCheck() async throws {
        let (clock, server, connection) = try await Self.started()
        let result = await connection.call("echo_ok", arguments: [:])
        #expect(result.serverFailure == nil)
        await clock.waitForSleepers(0)
        clock.advance(by: .seconds(60))
        #expect(await server.messages("ping").isEmpty)
        #expect(await server.messages("notifications/cancelled").isEmpty)
    }

    @Test func closingDuringAHealthCheckLosesNothing() async throws {
        let (clock, server, connection) = try await Self.started()
        let hung = Task { await connection.call("hang_forever", arguments: [:]) }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(3))
        await clock.waitForSleepers(1)
        await connection.close()
        _ = await hung.value
        // Closed by the run, not lost: nothing is counted as a hang.
        #expect(await connection.lostCause == nil)
        #expect(await server.disconnected)
    }
}
