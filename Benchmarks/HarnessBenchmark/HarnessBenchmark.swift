import BenchmarkSupport
import Foundation
import ModegateCore
import ModegateHarness
import ModegateSandbox
import ModegateSuites

/// `make bench`: the harness's own cost. Per-trial time of the repo_triage shapes in both arms
/// with the scripted model (no model latency, so what remains is the harness, the tools and the
/// sandbox), the 20×50 fan-out, and the default gate as a whole process. Prints figures.
@main
struct HarnessBenchmark {
    static func main() async throws {
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let modegate = binDirectory.appendingPathComponent("modegate").path
        let repository = binDirectory.deletingLastPathComponent().deletingLastPathComponent()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-harness-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("presets"), withIntermediateDirectories: true)
        say("modegate harness benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores)")

        // The whole default gate first, while this process is small (a child's peak memory on
        // Linux starts at its parent's).
        setenv("MODEGATE_HOME", work.appendingPathComponent("store").path, 1)
        var gateRuns: [ChildProcess.Measurement] = []
        for _ in 0..<3 {
            gateRuns.append(try ChildProcess.measure(
                [modegate, "run", repository.appendingPathComponent("gates/codemode.yaml").path]))
        }
        let walls = gateRuns.map(\.seconds).sorted()
        let peaks = gateRuns.map(\.peakMegabytes).sorted()
        say(String(format: "modegate run gates/codemode.yaml: wall median %.2f s (min %.2f, max %.2f), peak RSS median %.1f MB, exit %d",
                   walls[1], walls[0], walls[2], peaks[1], gateRuns[0].status))

        let sandbox = Sandbox(configuration: .init(workerExecutable: modegate, warmWorkers: 1))
        try await sandbox.warm(count: 1)
        let triage = try PresetLoader.load(path: repository.appendingPathComponent("presets/repo_triage.yaml").path)
        let shapes = triage.cases + [fanOut(from: triage)]
        for shape in shapes {
            let times = try await perTrial(shape, preset: triage, work: work, sandbox: sandbox)
            say(String(format: "%@: tool_call %.2f ms/trial (first, program run live: %.2f ms), codemode %.2f ms/trial (median of %d; completed %d and %d)",
                       shape.id, times.toolCall * 1000, times.firstToolCall * 1000, times.codemode * 1000, times.count,
                       times.completed.0, times.completed.1))
        }
        await sandbox.shutdown()

    }

    /// The 20×50 fan-out: 1,000 candidates, about 1 MB of payload per trial.
    static func fanOut(from preset: Preset) -> PresetCase {
        var base = preset.cases.first { $0.id.contains("10x10") && !$0.id.contains("batch") } ?? preset.cases[preset.cases.count - 1]
        base.id = "fanout-20x50-k5"
        base.reference = base.reference?.replacingOccurrences(of: "const SHARDS = 10;", with: "const SHARDS = 20;")
        var params = base.params.objectValue ?? [:]
        params["shards"] = 20
        params["candidates_per_shard"] = 50
        params["k"] = 5
        base.params = .object(params)
        base.expected = nil
        return base
    }

    /// Median per-trial harness time of one case in each arm, from the trial records, and the
    /// tool-calling arm's first trial.
    static func perTrial(_ testCase: PresetCase, preset: Preset, work: URL, sandbox: Sandbox) async throws
        -> (toolCall: Double, firstToolCall: Double, codemode: Double, count: Int, completed: (Int, Int))
    {
        let folder = work.appendingPathComponent(testCase.id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var single = preset
        single.cases = [testCase]
        let yaml = """
            version: 1
            workload: {presets: [\(preset.name)], repetitions: 30, concurrency: 1}
            candidate: {limits: {max_tool_calls: 5000}}
            judgement: {mode: point}
            reports: []
            """
        let gate = folder.appendingPathComponent("gate.yaml")
        try yaml.write(to: gate, atomically: true, encoding: .utf8)
        let plan = try GateLoader.load(path: gate.path)
        let locator = PresetLocator(gateFile: gate, workingDirectory: folder, environment: [:], executable: folder)
        let runner = GateRunner(
            invocation: GateInvocation(plan: plan, settings: .init(presets: [single])),
            store: RunStore(root: folder.appendingPathComponent(".modegate")),
            planner: WorkloadPlanner(locator: locator, gateDirectory: folder, suites: BuiltinSuites.all),
            sandbox: sandbox, toolVersion: "bench")
        let outcome = try await runner.run()
        func median(_ run: StoredRun) -> Double {
            let sorted = run.trials.map(\.latency).sorted()
            return sorted[sorted.count / 2]
        }
        // The scripted tool-calling model runs the reference program live in its first trial of a
        // case and replays that conversation while the results repeat.
        let first = outcome.baseline.trials.first { $0.key.repetition == 0 }?.latency ?? 0
        return (median(outcome.baseline), first, median(outcome.candidate), outcome.baseline.trials.count,
                (outcome.baseline.trials.filter(\.completed).count, outcome.candidate.trials.filter(\.completed).count))
    }

    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}
