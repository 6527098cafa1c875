import Foundation
import ModegateCore

/// One `run_command` call: a program from a short list that only reads, run in the workspace
/// with no shell (so no pipes, globs or redirection), a time limit and bounded output. The
/// argument checks keep an honest model inside the workspace; they are not a sandbox against a
/// hostile one, so point the suite at a checkout you can lose.
struct WorkspaceCommand {
    /// Programs a call may run.
    static let programs: Set<String> = ["git", "ls", "cat", "head", "tail", "wc", "grep"]
    /// git subcommands that only read the repository.
    static let gitSubcommands: Set<String> = [
        "log", "show", "diff", "status", "blame", "ls-files", "ls-tree", "rev-parse", "rev-list", "shortlog",
        "cat-file", "grep", "describe", "for-each-ref", "show-ref", "name-rev",
    ]
    /// Options that write files or start other programs, refused wherever they appear.
    static let refusedOptions = ["--output", "-O", "--open-files-in-pager", "--ext-diff", "--exec-path"]

    let argv: [String]

    /// The call's command, checked; a `ToolFailure` saying what is refused.
    init(_ argv: [String]) throws {
        guard let program = argv.first else { throw ToolFailure("run_command: the command is empty") }
        guard Self.programs.contains(program) else {
            throw ToolFailure("run_command: '\(program)' is not available; use one of \(Self.programs.sorted().joined(separator: ", "))")
        }
        if program == "git" {
            // The subcommand comes first: git's global options (-C, -c, --git-dir) would leave the workspace.
            guard argv.count > 1, Self.gitSubcommands.contains(argv[1]) else {
                let given = argv.count > 1 ? "'git \(argv[1])'" : "git with no subcommand"
                throw ToolFailure("run_command: \(given) is not available; git runs \(Self.gitSubcommands.sorted().joined(separator: ", "))")
            }
        }
        for argument in argv.dropFirst() {
            if let option = Self.refusedOptions.first(where: { argument == $0 || argument.hasPrefix($0 + "=") }) {
                throw ToolFailure("run_command: \(option) is refused: the workspace's tools only read")
            }
            if let reason = WorkspaceRoot.escape(argument) { throw ToolFailure("run_command: '\(argument)' \(reason)") }
        }
        self.argv = argv
    }

    /// What the command printed and how it ended.
    struct Outcome {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs the command in `directory`, killed after `timeout` seconds; output past `limit` bytes
    /// per stream is cut and says so.
    func run(in directory: URL, timeout: Double = 10, limit: Int = 256 * 1024) async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME"].contains($0.key) }
        // No pager, no user or system configuration (aliases, hooks), no optional index writes.
        environment.merge([
            "LC_ALL": "C", "GIT_PAGER": "cat", "PAGER": "cat", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0",
        ]) { _, new in new }
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ToolFailure("run_command: could not start \(argv[0]): \(error.localizedDescription)")
        }
        let timer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        // Reading blocks, so it happens on threads of its own, never on the concurrency pool's.
        async let out = Self.readAll(output.fileHandleForReading, limit: limit)
        async let err = Self.readAll(errors.fileHandleForReading, limit: limit)
        let (stdout, stderr) = await (out, err)
        await Self.waitForExit(process)
        timer.cancel()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return Outcome(exitCode: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: killed)
    }

    private static func readAll(_ handle: FileHandle, limit: Int) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var kept = Data()
                var total = 0
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    // Read to the end even past the limit, so the program never blocks on a full pipe.
                    total += chunk.count
                    if kept.count < limit { kept.append(chunk.prefix(limit - kept.count)) }
                }
                try? handle.close()
                let text = String(decoding: kept, as: UTF8.self)
                continuation.resume(returning: total > limit ? text + "\n[output cut at \(limit) bytes]" : text)
            }
        }
    }

    private static func waitForExit(_ process: Process) async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}
