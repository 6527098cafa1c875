import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real peers the tests run: third-party MCP servers, the official Python MCP client and
/// fake model servers from PyPI (installed by `make test` into `.venv`, and `mcp-proxy` into
/// `.venv-proxy`), our own peer scripts, and the built `modegate` binary. Everything listens
/// on 127.0.0.1 only.
enum TestPeers {
    /// This file is Tests/ModegateIntegrationTests/Support/TestPeers.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let peerScripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Peers")

    static var modegate: String {
        ProcessInfo.processInfo.environment["MODEGATE_BINARY"] ?? repository.appendingPathComponent(".build/debug/modegate").path
    }

    /// A program from the test virtual environments; records an issue naming the fix when missing.
    static func program(_ name: String, venv: String = ".venv") -> String? {
        var folder = repository.appendingPathComponent(venv).appendingPathComponent("bin")
        if venv == ".venv", let python = ProcessInfo.processInfo.environment["MODEGATE_PYTHON"] {
            folder = URL(fileURLWithPath: python).deletingLastPathComponent()
        }
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("\(path) is missing: run the suite with `make test`, which installs the MCP test peers")
            return nil
        }
        return path
    }

    static var python: String? { program("python") }

    static func script(_ name: String) -> String { peerScripts.appendingPathComponent(name).path }

    /// Runs blocking work (waiting on a child process) on a thread of its own: the Swift
    /// concurrency pool has only as many threads as cores, and tests that block them starve the
    /// timeouts other tests measure.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// A port nobody listens on right now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True once something accepts connections on 127.0.0.1:`port`.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A throw-away git repository with three commits by two authors.
    static func gitRepository() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", folder.path] + arguments
            process.environment = [
                "GIT_AUTHOR_DATE": "2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE": "2026-01-02T03:04:05Z",
                "HOME": folder.path, "PATH": "/usr/bin:/bin",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        try git("init", "-q", "-b", "main")
        for (index, (file, author)) in [("README.md", "Ada"), ("ledger.txt", "Grace"), ("notes.txt", "Ada")].enumerated() {
            try "line \(index)\n".write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
            try git("add", file)
            try git("-c", "user.name=\(author)", "-c", "user.email=\(author.lowercased())@example.com",
                    "commit", "-q", "-m", "Add \(file)")
        }
        return folder
    }
}

/// A server process started for a test and stopped when the test is done with it.
final class BackgroundServer: @unchecked Sendable {
    let process = Process()
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-peer-\(UUID().uuidString).log")

    init(_ command: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits until the port accepts connections (the server is up), or fails with its log.
    func waitForPort(_ port: Int, seconds: Double = 60) async throws {
        let process = process
        _ = try await Poll.until(seconds: seconds, every: 0.05) { TestPeers.accepts(port) || !process.isRunning }
        if TestPeers.accepts(port) { return }
        throw PeerError("server did not listen on \(port): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// What the server printed so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// SIGKILL: a test peer needs no graceful shutdown, and a kill cannot be outlived by the test
    /// process (uvicorn waits seconds for open keep-alive connections on SIGTERM). Foundation
    /// reaps the child.
    func stop() {
        guard !stopped.withLock({ let was = $0; $0 = true; return was }) else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: log)
    }

    private let stopped = NSLockedFlag()

    deinit { stop() }
}

/// A flag behind a lock.
final class NSLockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func withLock<T>(_ body: (inout Bool) -> T) -> T { lock.withLock { body(&value) } }
}

struct PeerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
