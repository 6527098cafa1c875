import BenchmarkSupport
import Foundation
import ModegateCore

/// `modegate import otel` on 10,000 spans (issue 24's closing figures): 1,000 agent invocations
/// of 10 spans each (an invoke_agent, 3 chats, 6 MCP tool calls on two servers), written as the
/// Collector's file exporter writes them (batches of 64 spans a line, children before parents).
/// Prints the in-process import (parse, link, map) and the whole command as a process (wall
/// time, CPU, peak resident memory), each over several runs. Asserts nothing.
@main
struct ImportBenchmark {
    static let trials = 1_000
    static let runs = 5

    static func main() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-import-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("traces.jsonl")
        let (data, spans) = SyntheticTraces.make(trials: trials)
        try data.write(to: file)
        print("import otel: \(spans) spans, \(trials) trials, \(data.count / 1024) KB of OTLP JSON in \(data.split(separator: 10).count) lines")

        var inProcess: [Double] = []
        var imported: ImportedRun?
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            imported = try OTelImport(settings: OTelImportSettings(arm: .baseline, stem: "bench")).run(
                traces: [OTelImport.Source(name: "traces.jsonl", data: data)], scores: nil, toolVersion: "bench", host: "bench",
                at: Date())
            inProcess.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print("  in process (read, link, map; no writing): \(figures(inProcess, unit: "s")) → \(imported?.trials.count ?? 0) trials")

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("modegate").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("  as a process: skipped, \(binary) is not built (make bench builds it)")
            return
        }
        var wall: [Double] = []
        var cpu: [Double] = []
        var memory: [Double] = []
        for run in 0..<runs {
            let store = folder.appendingPathComponent("store\(run)")
            let measured = try ChildProcess.measure(
                [binary, "import", "otel", file.path, "--arm", "baseline", "--name", "bench"],
                environment: ["MODEGATE_HOME": store.path, "PATH": "/usr/bin:/bin"])
            guard measured.status == 0 else {
                print("  as a process: modegate import otel exited \(measured.status)")
                return
            }
            wall.append(measured.seconds)
            cpu.append(measured.cpuSeconds)
            memory.append(measured.peakMegabytes)
        }
        print("  as a process (modegate import otel, the run written and stored): wall \(figures(wall, unit: "s")), CPU \(figures(cpu, unit: "s")), peak RSS \(figures(memory, unit: "MB"))")
    }

    /// min / median / max.
    static func figures(_ values: [Double], unit: String) -> String {
        let sorted = values.sorted()
        let digits = unit == "MB" ? "%.1f" : "%.3f"
        return "min \(String(format: digits, sorted[0])) / median \(String(format: digits, sorted[sorted.count / 2])) / max \(String(format: digits, sorted[sorted.count - 1])) \(unit)"
    }
}
