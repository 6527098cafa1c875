import Foundation
import ModegateCore
import Testing
@testable import ModegateMCP

/// The restart policy of one server (issue 22, point 5), with scripted starts and a manual
/// clock: a lost server is started again once however many trials ask, a start that goes away
/// is retried after each pause — stdio's short ones, a URL's long ones — and then given up,
/// stopping the run; a closed or interrupted run starts nothing. No process, no wall clock.
@Suite struct MCPServerHandleUnitTests {
    static func lease(_ handle: MCPServerHandle) async throws -> MCPServerHandle.Lease {
        try await handle.lease().get()
    }

    /// An opened stdio server, lost for `cause`; its next starts go as `script` says.
    static func lost(
        _ cause: MCPRestarts.Reason, then script: ScriptedStarts.Start...
    ) async throws -> (ScriptedStarts, MCPServerHandle, RunStop) {
        let stop = RunStop()
        let starts = ScriptedStarts()
        let handle = try await starts.openedHandle(stop: stop)
        try await lose(handle, cause: cause)
        for start in script { starts.then(start) }
        return (starts, handle, stop)
    }

    /// Why the lease was refused, nil when it was granted.
    static func refusal(_ result: Result<MCPServerHandle.Lease, MCPSessionError>) -> String? {
        guard case .failure(.cannotStart(let message)) = result else { return nil }
        return message
    }

    /// Makes the handle's current connection lost, as an exit or a hang does.
    static func lose(_ handle: MCPServerHandle, cause: MCPRestarts.Reason) async throws {
        let connection = try await lease(handle).connection
        await connection.loseServer("MCP server 'files' went away", cause: cause)
    }

    @Test func aLostServerIsStartedAgainOnceHoweverManyTrialsAsk() async throws {
        let starts = ScriptedStarts()
        let handle = try await starts.openedHandle()
        let first = try await Self.lease(handle)
        #expect(first.restart == nil)
        try await Self.lose(handle, cause: .hang)
        let leases = try await withThrowingTaskGroup(of: MCPServerHandle.Lease.self) { group in
            for _ in 0..<5 { group.addTask { try await Self.lease(handle) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(starts.starts.count == 2)
        #expect(leases.filter(\.restarted).map(\.restart) == [.hang])
        #expect(Set(leases.map { ObjectIdentifier($0.connection) }).count == 1)
        #expect(leases[0].connection !== first.connection)
        let marker = try #require(starts.starts[1])
        #expect(marker.hasPrefix("--- modegate: restart 1 of 'files' at ") && marker.hasSuffix(", after a hang ---"), "\(marker)")
        // The next trial gets the restarted server, and counts no restart.
        #expect(try await Self.lease(handle).restart == nil)
        try await Self.lose(handle, cause: .protocol)
        #expect(try await Self.lease(handle).restart == .protocol)
        #expect(starts.starts[2]?.contains("restart 2 of 'files'") == true && starts.starts[2]?.contains("after a protocol failure") == true)
    }

    @Test func aStdioStartThatGoesAwayIsRetriedAfterHalfASecondThenOne() async throws {
        let starts = ScriptedStarts()
        let handle = try await starts.openedHandle()
        try await Self.lose(handle, cause: .crash)
        starts.then(.goesAway, .goesAway, .works(["echo_ok", "hang_forever", "slow"]))
        let lease = Task { try await Self.lease(handle) }
        await starts.clock.waitForSleepers(1)
        #expect(starts.starts.count == 2)
        starts.clock.advance(by: .milliseconds(499))
        await Task.yield()
        #expect(starts.starts.count == 2)
        starts.clock.advance(by: .milliseconds(1))
        await starts.clock.waitForSleepers(1)
        #expect(starts.starts.count == 3)
        starts.clock.advance(by: .seconds(1))
        let restarted = try await lease.value
        #expect(restarted.restart == .crash)
        #expect(starts.starts.count == 4)
        #expect(starts.starts[3]?.hasSuffix(", after a crash (after 2 failed starts) ---") == true, "\(starts.starts[3] ?? "")")
    }

    @Test func aServerThatKeepsGoingAwayIsGivenUpAndStopsTheRun() async throws {
        let (starts, handle, stop) = try await Self.lost(.crash, then: .goesAway, .goesAway, .goesAway)
        let lease = Task { await handle.lease() }
        for _ in 0..<2 {
            await starts.clock.waitForSleepers(1)
            starts.clock.advance(by: .seconds(1))
        }
        let message = try #require(Self.refusal(await lease.value))
        #expect(message.hasPrefix("MCP server 'files' failed to start 3 times in a row after it went away; the last time: "), "\(message)")
        #expect(stop.serverHalt == message)
        // Given up: later trials fail at once, and nothing is started again.
        #expect(Self.refusal(await handle.lease()) == message)
        #expect(starts.starts.count == 4)
    }

    @Test func aURLServerIsWaitedForThirtySecondsAfterItWentAway() async throws {
        let starts = ScriptedStarts()
        let handle = try await starts.openedHandle(url: "http://127.0.0.1:9/mcp")
        try await Self.lose(handle, cause: .crash)
        starts.then(.goesAway, .goesAway, .goesAway, .goesAway, .goesAway)
        let lease = Task { try await Self.lease(handle) }
        for (index, pause) in [1, 2, 4, 8, 15].enumerated() {
            await starts.clock.waitForSleepers(1)
            #expect(starts.starts.count == 2 + index)
            starts.clock.advance(by: .seconds(pause))
        }
        #expect(try await lease.value.restart == .crash)
        #expect(starts.starts.count == 7)
    }

    @Test func aStartThatCannotWorkIsNotRetriedNorGivenUp() async throws {
        let (starts, handle, stop) = try await Self.lost(.crash, then: .fails)
        let message = try #require(Self.refusal(await handle.lease()))
        #expect(message.hasPrefix("MCP server 'files' went away and could not be started again: "), "\(message)")
        #expect(starts.clock.sleeping == 0 && stop.reason == nil)
        // The next trial tries again.
        #expect(try await Self.lease(handle).restart == .crash)
        #expect(starts.starts.count == 3)
    }

    @Test func closingDuringARetryPauseStartsNothingAndCountsNoRestart() async throws {
        let (starts, handle, stop) = try await Self.lost(.crash, then: .goesAway)
        let lease = Task { await handle.lease() }
        await starts.clock.waitForSleepers(1)
        await handle.close()
        let message = try #require(Self.refusal(await lease.value))
        #expect(message.hasSuffix("the run is stopping"), "\(message)")
        #expect(starts.starts.count == 2 && stop.reason == nil)
    }

    @Test func anInterruptedTrialCancelsTheRestartItWaitsFor() async throws {
        let (starts, handle, stop) = try await Self.lost(.hang, then: .goesAway)
        let lease = Task { await handle.lease() }
        await starts.clock.waitForSleepers(1)
        lease.cancel()
        let message = try #require(Self.refusal(await lease.value))
        #expect(message.hasSuffix("the run is stopping"), "\(message)")
        #expect(stop.reason == nil && starts.starts.count == 2)
    }

    @Test func anInterruptedTrialStopsARestartStalledInItsStartUpAtOnce() async throws {
        let (starts, handle, stop) = try await Self.lost(.crash, then: .stalls)
        let lease = Task { await handle.lease() }
        // The restart waits on initialize, under its start-up deadline.
        await starts.clock.waitForSleepers(1)
        #expect(starts.starts.count == 2)
        lease.cancel()
        // It ends without the clock moving: the start-up's 60 s are not waited out.
        let message = try #require(Self.refusal(await lease.value))
        #expect(message.hasSuffix("the run is stopping"), "\(message)")
        #expect(starts.clock.sleeping == 0 && stop.reason == nil)
    }

    @Test func aParkedServerOpensAtItsFirstTrialWithoutARestart() async throws {
        let starts = ScriptedStarts()
        let handle = try await starts.openedHandle(url: "http://127.0.0.1:9/mcp")
        await handle.park()
        #expect(starts.starts.count == 1)
        let lease = try await Self.lease(handle)
        #expect(lease.restart == nil)
        #expect(starts.starts == [nil, nil])
        #expect(await lease.connection.lostCause == nil)
    }

    @Test func aRestartThatListsOtherToolsIsNotedAndTheFirstListKept() async throws {
        let starts = ScriptedStarts()
        let handle = try await starts.openedHandle()
        try await Self.lose(handle, cause: .crash)
        starts.then(.works(["echo_ok", "read_file"]))
        #expect(try await Self.lease(handle).restart == .crash)
        #expect(handle.tools.map(\.name) == ["echo_ok", "hang_forever", "slow"])
        let drift = handle.toolDrift
        #expect(drift.count == 1)
        #expect(drift.first?.hasPrefix("MCP server 'files' listed other tools after restart 1 (") == true, "\(drift)")
    }
}
