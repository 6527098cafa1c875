import Foundation
import ModegateCore
import ModegateSandbox

/// `make bench`: the sandbox's own cost — per-program overhead in a warm worker, tool calls in
/// sequence and in parallel, a cold worker start, and the memory of one worker. Prints figures.
@main
struct SandboxBenchmark {
    static func main() async throws {
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let modegate = binDirectory.appendingPathComponent("modegate").path
        say("modegate sandbox benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores, worker \(modegate))")
        let limits = SandboxLimits(cpuSeconds: 30, wallSeconds: 30, maxToolCalls: 2000)
        let tools = ToolClosures(["add": { arguments in .number((arguments["a"]?.doubleValue ?? 0) + 1) }])

        var cold: [Double] = []
        for _ in 0..<10 {
            let sandbox = Sandbox(configuration: .init(workerExecutable: modegate, warmWorkers: 0))
            cold.append(try await seconds { _ = await sandbox.run("return 1", tools: tools, limits: limits) })
            await sandbox.shutdown()
        }
        report("cold start + trivial program (spawn, engine start, run)", cold)

        let sandbox = Sandbox(configuration: .init(workerExecutable: modegate, warmWorkers: 1))
        try await sandbox.warm(count: 1)
        for _ in 0..<50 { _ = await sandbox.run("return 1", tools: tools, limits: limits) }
        var trivial: [Double] = []
        for _ in 0..<500 { trivial.append(try await seconds { _ = await sandbox.run("return 1", tools: tools, limits: limits) }) }
        report("trivial program in a warm worker", trivial)

        var sequential: [Double] = []
        for _ in 0..<20 {
            sequential.append(try await seconds {
                let run = await sandbox.run("let x = 0; for (let i = 0; i < 1000; i++) x = await tools.add({a: x}); return x",
                                            tools: tools, limits: limits)
                precondition(run.outcome == .value(1000), "\(run.outcome)")
            })
        }
        report("1,000 sequential tool calls in one program", sequential)

        var parallel: [Double] = []
        for _ in 0..<20 {
            parallel.append(try await seconds {
                let run = await sandbox.run(
                    "const c = []; for (let i = 0; i < 1000; i++) c.push(tools.add({a: i})); return (await Promise.all(c)).length",
                    tools: tools, limits: limits)
                precondition(run.outcome == .value(1000), "\(run.outcome)")
            })
        }
        report("1,000 parallel tool calls in one program", parallel)

        if let pid = await sandbox.idleWorkerIDs().first, let memory = peakKilobytes(pid) {
            say(String(format: "worker peak resident memory (VmHWM) after the runs above: %.1f MB", Double(memory) / 1024))
        }
        await sandbox.shutdown()
    }

    static func seconds(_ body: @Sendable () async throws -> Void) async throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func report(_ label: String, _ samples: [Double]) {
        let sorted = samples.sorted()
        say(String(format: "%@: median %.3f ms (min %.3f, p90 %.3f, n=%d)", label, sorted[sorted.count / 2] * 1000,
                   sorted[0] * 1000, sorted[Int(Double(sorted.count - 1) * 0.9)] * 1000, sorted.count))
    }

    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    static func peakKilobytes(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }.first
    }
}
