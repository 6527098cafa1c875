import Foundation

/// Runs a command as a child and measures it the way the operating system accounts for it:
/// wall time around spawn-to-reap, and the child's CPU time and peak resident memory from `wait4`.
public struct ChildProcess {
    public struct Measurement: Sendable {
        public var seconds: Double
        public var peakMegabytes: Double
        /// User plus system time the child (and children it reaped) used.
        public var cpuSeconds: Double
        public var status: Int32
    }

    /// Runs `arguments` in `directory` (the caller's when nil) with `environment` (the caller's
    /// when nil); stdout and stderr go to `output` (discarded when nil).
    public static func measure(
        _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil, output: String? = nil
    ) throws -> Measurement {
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // posix_spawn_file_actions_addchdir_np is not imported; a shell changes directory and
        // execs the command, so the process measured is still the command itself.
        let arguments = directory.map { ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, $0] + arguments } ?? arguments
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = envp.map { posix_spawn(&pid, arguments[0], &actions, nil, argv, $0) } ?? posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        // ru_maxrss is in kilobytes on Linux.
        return Measurement(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, cpuSeconds: cpu, status: (status >> 8) & 0xff)
    }
}
