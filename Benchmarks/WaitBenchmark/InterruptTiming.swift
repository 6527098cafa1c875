import Foundation
import BenchmarkSupport

extension WaitBenchmark {
    /// Five runs that each wait on a call that would take far longer than the run may (the
    /// delay is set to ten minutes), interrupted with SIGINT once the server got the call: the
    /// seconds from the signal to the exit, median and worst, and the exit codes (4 expected).
    static func interrupt(
        _ label: String, modegate: String, work: URL, delay: Delay, gate: @Sendable () throws -> URL
    ) async throws {
        let before = delay.seconds
        delay.seconds = 600
        defer { delay.seconds = before }
        var seconds: [Double] = []
        var statuses: Set<Int32> = []
        for _ in 0..<5 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: modegate)
            process.arguments = ["run", try gate().path]
            process.currentDirectoryURL = work
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["MODEGATE_HOME": work.appendingPathComponent("store").path, "WAIT_BENCH_KEY": "not-a-secret"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let calls = delay.calls
            try process.run()
            // The trial waits on the server once its call arrived; a run that ends first is reported.
            for _ in 0..<6_000 where delay.calls == calls && process.isRunning {
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            guard process.isRunning, delay.calls > calls else {
                say("  \(label): the run ended before its call reached the server (exit \(process.terminationStatus))")
                continue
            }
            let sent = DispatchTime.now().uptimeNanoseconds
            kill(process.processIdentifier, SIGINT)
            try await BackgroundThread.run { process.waitUntilExit() }
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e9)
            statuses.insert(process.terminationStatus)
        }
        guard !seconds.isEmpty else { return }
        seconds.sort()
        say(String(format: "Ctrl-C while a trial waits on %@: exit after %.3f s (median of %d runs; max %.3f s; exit codes %@; DESIGN: under 2 s)",
                   label, seconds[seconds.count / 2], seconds.count, seconds.last ?? 0,
                   statuses.sorted().map(String.init).joined(separator: ",")))
    }
}
