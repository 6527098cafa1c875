import BenchmarkSupport
import Foundation
import ModegateCore

/// `make bench`: how fast the judge is on large runs and how little `modegate validate` costs on
/// small ones. Prints figures; asserts nothing (targets live in the issue and the notes).
@main
struct JudgeBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments
        if arguments.count > 3, arguments[1] == "--measure", let runs = Int(arguments[2]) {
            try measure(runs: runs, command: Array(arguments.dropFirst(3)))
            return
        }
        let binDirectory = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent()
        let modegate = binDirectory.appendingPathComponent("modegate").path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let cases = Int(ProcessInfo.processInfo.environment["BENCH_CASES"] ?? "") ?? 20_000
        let repetitions = 5
        let resamples = 5_000

        say("modegate judge benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        let large = RunStore(root: work.appendingPathComponent("large"))
        let written = try time {
            try SyntheticRuns.write(store: large, id: "base", strategy: .toolCall, cases: cases, repetitions: repetitions,
                                    seed: 1, finishedAt: Date(timeIntervalSince1970: 1_800_000_000))
            try SyntheticRuns.write(store: large, id: "cand", strategy: .codemode, cases: cases, repetitions: repetitions,
                                    seed: 2, finishedAt: Date(timeIntervalSince1970: 1_800_000_600))
        }
        say(String(format: "write 2 runs × %d trials: %.2f s", cases * repetitions, written))

        let folder = large.runsFolder
        var loaded: (StoredRun, StoredRun)?
        let loading = try time {
            loaded = (try large.open(try large.resolve(.named(folder.appendingPathComponent("cand").path), workingDirectory: work)),
                      try large.open(try large.resolve(.named(folder.appendingPathComponent("base").path), workingDirectory: work)))
        }
        guard let (candidate, baseline) = loaded else { return }
        let settings = JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: resamples, seed: 42)
        var verdict: Verdict?
        let judging = try time {
            verdict = Judge(thresholds: .rlmDefaults, settings: settings).judge(candidate: candidate, baseline: baseline)
        }
        say(String(format: "in process: load both runs %.3f s, judge (statistical, %d resamples) %.3f s → %@",
                     loading, resamples, judging, verdict?.status.rawValue ?? "?"))

        try measureInFreshProcess(
            "modegate validate, 2 × \(cases * repetitions) trials, statistical", runs: 3,
            [modegate, "validate", "--candidate", folder.appendingPathComponent("cand").path,
             "--baseline", folder.appendingPathComponent("base").path, "--json",
             "--bootstrap-resamples", String(resamples)])

        let small = RunStore(root: work.appendingPathComponent("small"))
        try SyntheticRuns.write(store: small, id: "base", strategy: .toolCall, cases: 3, repetitions: 1, seed: 3,
                                finishedAt: Date(timeIntervalSince1970: 1_800_000_000))
        try SyntheticRuns.write(store: small, id: "cand", strategy: .codemode, cases: 3, repetitions: 1, seed: 4,
                                finishedAt: Date(timeIntervalSince1970: 1_800_000_600))
        try measureInFreshProcess(
            "modegate validate, 2 × 3 trials", runs: 21,
            [modegate, "validate", "--candidate", small.runsFolder.appendingPathComponent("cand").path,
             "--baseline", small.runsFolder.appendingPathComponent("base").path, "--json"])
    }

    /// Children are spawned from a fresh, small copy of this program: on Linux a child's peak
    /// memory starts at its parent's at spawn, and this process holds two large runs by now.
    static func measureInFreshProcess(_ label: String, runs: Int, _ command: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--measure", String(runs), label] + command
        try process.run()
        process.waitUntilExit()
    }

    static func measure(runs: Int, command: [String]) throws {
        let label = command[0]
        let measurements = try (0..<runs).map { _ in try ChildProcess.measure(Array(command.dropFirst())) }
        report(label, measurements)
    }

    /// Unbuffered, so figures appear as they are measured.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func time(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func report(_ label: String, _ runs: [ChildProcess.Measurement]) {
        let seconds = runs.map(\.seconds).sorted()
        let memory = runs.map(\.peakMegabytes).sorted()
        say(String(format: "%@: wall median %.1f ms (min %.1f, max %.1f), peak RSS median %.1f MB, exit %d",
                     label, seconds[seconds.count / 2] * 1000, seconds[0] * 1000, seconds[seconds.count - 1] * 1000,
                     memory[memory.count / 2], runs[0].status))
    }
}
