import Foundation
import ModegateCore
import Testing
@testable import ModegateMCP

/// The pool's handle on a real stdio server that crashes on demand
/// (Tests/ModegateIntegrationTests/Peers/chaos_server.py, run with the test environment's Python):
/// however many trials ask for a dead server at once, it is started once.
@Suite struct MCPServerHandleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `MODEGATE_PYTHON`, else the repository's `.venv`; records an issue naming the fix when missing.
    static var python: String? {
        let path = ProcessInfo.processInfo.environment["MODEGATE_PYTHON"]
            ?? repository.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("\(path) is missing: run the suite with `make test`, which installs the MCP test peers")
            return nil
        }
        return path
    }

    @Test func trialsAskingForADeadServerAtOnceGetOneRestart() async throws {
        guard let python = Self.python else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-handle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Self.repository.appendingPathComponent("Tests/ModegateIntegrationTests/Peers/chaos_server.py").path
        let pool = MCPServerPool(
            plan: MCPPlan(enabled: true, servers: ["chaos": .init(command: [python, script], timeoutSeconds: 20)]),
            environment: ProcessInfo.processInfo.environment)
        let handle = await pool.handle("chaos")
        try await pool.open(logFolder: folder)
        do {
            try await Self.crashThenLeaseAtOnce(handle, pool: pool, log: folder)
        } catch {
            await pool.closeAll()
            throw error
        }
        await pool.closeAll()
    }

    @Test func aRestartThatListsOtherToolsIsNoted() async throws {
        guard let python = Self.python else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-handle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Self.repository.appendingPathComponent("Tests/ModegateIntegrationTests/Peers/chaos_server.py").path
        let starts = folder.appendingPathComponent("starts").path
        let pool = MCPServerPool(
            plan: MCPPlan(enabled: true, servers: ["chaos": .init(
                command: [python, script, "--starts-file", starts, "--drift-after", "1"], timeoutSeconds: 20)]),
            environment: ProcessInfo.processInfo.environment)
        let handle = await pool.handle("chaos")
        try await pool.open(logFolder: folder)
        #expect(await pool.toolDrift().isEmpty)
        let first = try #require(try? await handle.lease().get())
        _ = await first.connection.call("crash_now", arguments: [:])
        let second = try #require(try? await handle.lease().get())
        #expect(second.restarted)
        #expect(!handle.tools.contains { $0.name == "extra" })
        #expect(await pool.toolDrift() == [
            "MCP server 'chaos' listed other tools after restart 1 (added extra); the trials kept the first start's list"])
        await pool.closeAll()
    }

    static func crashThenLeaseAtOnce(_ handle: MCPServerHandle, pool: MCPServerPool, log folder: URL) async throws {
        #expect(Set(handle.tools.map(\.name)).isSuperset(of: ["echo", "crash_now", "whoami"]))

        let first = try #require(try? await handle.lease().get())
        #expect(!first.restarted)
        let pid = await first.connection.call("whoami", arguments: [:]).reply.text
        let crash = await first.connection.call("crash_now", arguments: [:])
        #expect(crash.serverFailure?.contains("exited with status 3") == true, "\(crash)")

        // Eight trials start at once and find it dead.
        let leases = await withTaskGroup(of: MCPServerHandle.Lease?.self) { group in
            for _ in 0..<8 { group.addTask { try? await handle.lease().get() } }
            var all: [MCPServerHandle.Lease?] = []
            for await lease in group { all.append(lease) }
            return all.compactMap { $0 }
        }
        #expect(leases.count == 8)
        #expect(leases.filter(\.restarted).count == 1)
        #expect(Set(leases.map { ObjectIdentifier($0.connection) }).count == 1)
        let fresh = try #require(leases.first?.connection)
        #expect(fresh !== first.connection)
        let newPID = await fresh.call("whoami", arguments: [:]).reply.text
        #expect(!newPID.isEmpty && newPID != pid, "\(pid) → \(newPID)")
        // A working server is not started again.
        let again = try #require(try? await handle.lease().get())
        #expect(!again.restarted && again.connection === fresh)

        let log = try String(contentsOf: folder.appendingPathComponent("mcp-chaos.stderr.log"), encoding: .utf8)
        #expect(log.components(separatedBy: "--- modegate: restart").count - 1 == 1, "\(log)")
        #expect(log.components(separatedBy: "chaos: start").count - 1 == 2, "\(log)")
        #expect(pool.stop.reason == nil)
    }

    @Test func aClosedPoolStartsNothingAgain() async throws {
        guard let python = Self.python else { return }
        let script = Self.repository.appendingPathComponent("Tests/ModegateIntegrationTests/Peers/chaos_server.py").path
        let pool = MCPServerPool(
            plan: MCPPlan(enabled: true, servers: ["chaos": .init(command: [python, script], timeoutSeconds: 20)]),
            environment: ProcessInfo.processInfo.environment)
        let handle = await pool.handle("chaos")
        try await pool.open(logFolder: nil)
        let first = try #require(try? await handle.lease().get())
        _ = await first.connection.call("crash_now", arguments: [:])
        await pool.closeAll()
        let after = await handle.lease()
        #expect((try? after.get()) == nil, "a closed pool started the server again")
    }

    /// Ctrl-C while a trial waits for a restart: the start is stopped at once, its process killed,
    /// and it counts neither as a restart nor as a failed start.
    @Test func cancellingATrialThatWaitsForARestartStopsTheStart() async throws {
        guard let python = Self.python else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-handle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let starts = folder.appendingPathComponent("starts.txt")
        let script = Self.repository.appendingPathComponent("Tests/ModegateIntegrationTests/Peers/chaos_server.py").path
        let pool = MCPServerPool(
            plan: MCPPlan(enabled: true, servers: [
                "chaos": .init(command: [python, script, "--starts-file", starts.path, "--stall-after", "1"], timeoutSeconds: 20),
            ]),
            environment: ProcessInfo.processInfo.environment)
        let handle = await pool.handle("chaos")
        try await pool.open(logFolder: folder)
        let first = try #require(try? await handle.lease().get())
        _ = await first.connection.call("crash_now", arguments: [:])
        func pids() -> [Int32] {
            ((try? String(contentsOf: starts, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
        }
        let waiting = Task { await handle.lease() }
        // The restart's process is up and stalls.
        let deadline = Date().addingTimeInterval(30)
        while pids().count < 2 && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(pids().count == 2)
        // That the cancelled start ends without waiting out its timeout is
        // MCPServerHandleUnitTests' (on a manual clock); here the stalled process must go too.
        waiting.cancel()
        let result = await waiting.value
        #expect((try? result.get()) == nil)
        if case .failure(let error) = result { #expect(error.description.contains("the run is stopping"), "\(error)") }
        #expect(pool.stop.reason == nil)
        // The stalled start's process is gone (killed, then reaped).
        let stalled = pids()[1]
        let gone = Date().addingTimeInterval(5)
        while kill(stalled, 0) == 0 && Date() < gone { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(kill(stalled, 0) != 0, "the stalled start (pid \(stalled)) outlived the cancellation")
        await pool.closeAll()
        let log = try String(contentsOf: folder.appendingPathComponent("mcp-chaos.stderr.log"), encoding: .utf8)
        #expect(log.components(separatedBy: "--- modegate: restart 1 of 'chaos'").count - 1 == 1, "\(log)")
    }
}
