import Foundation
import ModegateCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A stdio MCP server as a child process: its stdin and stdout are ours, its stderr goes to a
/// file (the run folder's `mcp-NAME.stderr.log`), and it leads a process group of its own so
/// that stopping it also stops what it started (wrappers such as `uvx` or `mcp-proxy`).
final class MCPServerProcess: Sendable {
    enum SpawnError: Error, CustomStringConvertible {
        case notFound(String, searched: String)
        case failed(String, Int32)

        var description: String {
            switch self {
            case .notFound(let command, let searched):
                "command '\(command)' not found (searched PATH: \(searched)); install it or give its full path"
            case .failed(let command, let code): "could not start '\(command)': \(String(cString: strerror(code)))"
            }
        }
    }

    let pid: pid_t
    /// The server's stdout, for us to read.
    let input: Int32
    /// The server's stdin, for us to write.
    let output: Int32
    /// The exit status once the process has ended, and who waits for it until then.
    private struct Exit {
        var status: Int32?
        var waiters: [@Sendable (Int32) -> Void] = []
    }

    private let ending = Mutex(Exit())

    init(command: [String], environment: [String: String], stderrPath: String?) throws {
        guard let program = command.first else { throw SpawnError.notFound("", searched: "") }
        let executable = try Self.resolve(program, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        var toServer: [Int32] = [0, 0]
        var fromServer: [Int32] = [0, 0]
        guard pipe(&toServer) == 0 else { throw SpawnError.failed(program, errno) }
        guard pipe(&fromServer) == 0 else {
            close(toServer[0])
            close(toServer[1])
            throw SpawnError.failed(program, errno)
        }
        for descriptor in toServer + fromServer { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toServer[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromServer[1], STDOUT_FILENO)
        if let stderrPath {
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        }
        SpawnActions.closeFrom(3, in: &actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own, and default signal handling (we ignore SIGPIPE; a server should not).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + command.dropFirst()).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(toServer[0])
        close(fromServer[1])
        guard code == 0 else {
            close(toServer[1])
            close(fromServer[0])
            throw SpawnError.failed(program, code)
        }
        pid = child
        ChildProcessGroups.add(child)
        input = fromServer[0]
        output = toServer[1]
        let reaper = Thread { [self] in self.reap() }
        reaper.name = "mcp-server-\(child)"
        reaper.start()
    }

    /// Calls `body` with the exit status once the process has ended (at once if it has).
    func onExit(_ body: @escaping @Sendable (Int32) -> Void) {
        let ended = ending.withLock { exit -> Int32? in
            if exit.status == nil { exit.waiters.append(body) }
            return exit.status
        }
        if let ended { body(ended) }
    }

    var hasExited: Bool { ending.withLock { $0.status != nil } }

    /// `exited with status N` or `was killed by signal N` once the process has ended, else nil.
    var exitDescription: String? { ending.withLock { $0.status }.map(Self.describe) }

    /// Returns once the process has ended, or after `seconds`.
    func waitForExit(seconds: Double) async {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while !hasExited && DispatchTime.now().uptimeNanoseconds < deadline {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    /// SIGTERM to the group, then SIGKILL after `grace` seconds if it is still there.
    func stop(grace: Double = 2) async {
        guard !hasExited else { return }
        Glibc.kill(-pid, SIGTERM)
        await waitForExit(seconds: grace)
        if !hasExited { Glibc.kill(-pid, SIGKILL) }
    }

    /// Synchronous last resort (process exit): SIGKILL to the group.
    func kill() {
        if !hasExited { Glibc.kill(-pid, SIGKILL) }
    }

    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        ChildProcessGroups.remove(pid)
        let waiters = ending.withLock { exit in
            exit.status = status
            defer { exit.waiters = [] }
            return exit.waiters
        }
        waiters.forEach { $0(status) }
    }

    /// `exited with status N` or `was killed by signal N`, from a `waitpid` status.
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exited with status \((status >> 8) & 0xff)" }
        return "was killed by signal \(signal)"
    }

    /// A command name found on PATH, or a path as given.
    static func resolve(_ program: String, path: String) throws -> String {
        if program.contains("/") {
            guard access(program, X_OK) == 0 else { throw SpawnError.notFound(program, searched: "(a path, not executable)") }
            return program
        }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw SpawnError.notFound(program, searched: path)
    }
}
