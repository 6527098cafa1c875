import Foundation
import ModegateCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One sandbox worker seen from the host: a child process of the same binary, JSON lines on its
/// stdin and stdout, and a reader thread that turns its output into messages.
final class WorkerProcess: Sendable {
    enum SpawnError: Error, CustomStringConvertible {
        case failed(String, Int32)
        case notReady(String)
        case engineMissing(String)

        var description: String {
            switch self {
            case .failed(let path, let code): "could not start the sandbox worker \(path): \(String(cString: strerror(code)))"
            case .notReady(let path): "the sandbox worker \(path) exited before it was ready (is it a modegate binary?)"
            case .engineMissing(let message): message
            }
        }
    }

    /// How the process ended, and whether the host killed it.
    private struct Exit {
        var status: Int32?
        var killed = false
    }

    let pid: pid_t
    let memoryMB: Int
    let inbox = Mailbox<WorkerMessage>()
    /// Reads this worker's output and runs its conversation's tasks.
    let thread = WorkerThread()
    private let channel: LineChannel
    private let ending = Mutex(Exit())
    /// Held around pipes and spawn, so a worker started on another thread can never inherit
    /// this worker's pipe ends (which would keep them open after this worker dies).
    private static let spawnLock = Mutex(())

    init(executable: String, memoryMB: Int) throws {
        self.memoryMB = memoryMB
        let child = try Self.spawnLock.withLock { _ in try Self.spawn(executable, memoryMB: memoryMB) }
        pid = child.pid
        ChildProcessGroups.add(child.pid)
        channel = LineChannel(input: -1, output: child.toWorker)
        let reader = Thread { [self, input = child.fromWorker] in
            // Output not yet split into lines; only this thread touches it.
            var pending = [UInt8]()
            self.thread.serve(
                input: input, onData: { self.received($0, pending: &pending) }, onEnd: self.ended, onDeadline: self.kill)
            close(input)
            // Through the channel: the conversation may still send (a slow tool's results after a
            // wall-clock kill), and must not write into whatever reuses the descriptor's number.
            self.channel.closeOutput()
        }
        reader.name = "sandbox-worker-\(child.pid)"
        reader.start()
    }

    /// Starts the worker process: its pid, and our ends of the pipes to and from it.
    private static func spawn(_ executable: String, memoryMB: Int) throws -> (pid: pid_t, toWorker: Int32, fromWorker: Int32) {
        var toWorker: [Int32] = [0, 0]
        var fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0 else { throw SpawnError.failed(executable, errno) }
        guard pipe(&fromWorker) == 0 else {
            close(toWorker[0])
            close(toWorker[1])
            throw SpawnError.failed(executable, errno)
        }
        for descriptor in toWorker + fromWorker { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], STDOUT_FILENO)
        // Close everything else in the worker: a descriptor it inherits by accident (another
        // child's pipe, opened without close-on-exec elsewhere in the host) would stay open for
        // the worker's whole life and keep that pipe from ever reaching end of file.
        SpawnActions.closeFrom(3, in: &actions)
        let arguments = [executable, "__sandbox-worker", "--memory-mb", String(memoryMB)]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // A group of its own: a terminal's Ctrl-C reaches modegate only, which stops workers itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        var child: pid_t = 0
        let code = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        close(toWorker[0])
        close(fromWorker[1])
        guard code == 0 else {
            close(toWorker[1])
            close(fromWorker[0])
            throw SpawnError.failed(executable, code)
        }
        return (child, toWorker[1], fromWorker[0])
    }

    /// False when the worker is gone.
    @discardableResult
    func send(_ message: HostMessage) -> Bool {
        guard let data = try? message.line() else { return false }
        return channel.writeLine(data)
    }

    /// Kills the worker at once (the wall-clock limit, or shutdown); the reader reaps it.
    func kill() {
        ending.withLock { $0.killed = true }
        Glibc.kill(pid, SIGKILL)
    }

    var wasKilled: Bool { ending.withLock { $0.killed } }

    /// How the process ended, once it has (`waitpid` status), else nil.
    var status: Int32? { ending.withLock { $0.status } }

    /// Splits output into lines and hands each decoded message to the conversation; `pending`
    /// keeps a trailing partial line for the next chunk.
    private func received(_ bytes: UnsafeRawBufferPointer, pending: inout [UInt8]) {
        pending.append(contentsOf: bytes)
        var start = 0
        let decoder = StableJSON.decoder()
        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = Data(pending[start..<newline])
            if let message = WorkerMessage.decode(line: line, decoder: decoder) { inbox.put(message) }
            start = newline + 1
        }
        pending.removeSubrange(0..<start)
    }

    /// The output closed: reap the process and tell the conversation.
    private func ended() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        ChildProcessGroups.remove(pid)
        ending.withLock { $0.status = status }
        inbox.close()
    }
}
