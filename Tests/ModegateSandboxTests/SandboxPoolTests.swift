import Foundation
import ModegateCore
import ModegateSuites
import Testing
@testable import ModegateSandbox

@Suite(.serialized) struct SandboxPoolTests {
    @Test func thousandConcurrentToolCalls() async {
        let run = await SandboxHarness.run("""
            const calls = [];
            for (let i = 0; i < 1000; i++) calls.push(tools.add({a: i, b: 1}));
            const results = await Promise.all(calls);
            return results.reduce((sum, x) => sum + x, 0);
            """, limits: SandboxLimits(cpuSeconds: 10, wallSeconds: 10, maxToolCalls: 1000))
        #expect(run.outcome == .value(.number(500_500)))
        #expect(run.toolCalls.count == 1000)
        #expect(run.waves == 1)
    }

    @Test func twoHundredProgramsLeakNoStateMemoryOrDescriptors() async throws {
        let sandbox = Sandbox(configuration: .init(workerExecutable: SandboxHarness.workerExecutable, warmWorkers: 1))
        try await sandbox.warm(count: 1)
        // Settle the pool and the engine's caches before measuring.
        for _ in 0..<10 { _ = await sandbox.run("return 1", tools: ToolSessionHandler(DemoSuite().makeSession(params: [:])), limits: SandboxLimits()) }
        let hostDescriptors = openDescriptors()
        let workers = await sandbox.idleWorkerIDs()
        #expect(workers.count == 1)
        let worker = try #require(workers.first)
        let workerDescriptors = openDescriptors(worker)
        let workerMemory = try #require(residentKilobytes(worker))
        for index in 0..<200 {
            let run = await sandbox.run("""
                const seen = [typeof globalThis.marker, typeof Object.prototype.injected];
                globalThis.marker = \(index);
                Object.prototype.injected = true;
                const data = new Array(20000).fill(\(index));
                const sum = await tools.add({a: data.length, b: \(index)});
                return {seen, sum};
                """, tools: ToolSessionHandler(DemoSuite().makeSession(params: [:])), limits: SandboxLimits())
            #expect(run.outcome == .value(["seen": ["undefined", "undefined"], "sum": .number(Double(20000 + index))]))
        }
        #expect(await sandbox.idleWorkerIDs() == [worker], "the same warm worker served every program")
        // Other tests open and close descriptors in this process at the same time (a loaded CI
        // run added 39), so allow half of what a leak of one descriptor per program would show
        // (200), and give their noise a few seconds to pass: a leak stays.
        var host = openDescriptors()
        let deadline = Date().addingTimeInterval(5)
        while host > hostDescriptors + 100 && Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)
            host = min(host, openDescriptors())
        }
        #expect(host <= hostDescriptors + 100)
        #expect(openDescriptors(worker) == workerDescriptors)
        let grown = (residentKilobytes(worker) ?? 0) - workerMemory
        #expect(grown < 64 * 1024, "worker grew by \(grown) kB over 200 programs")
        await sandbox.shutdown()
    }

    @Test func killedWorkerIsReplaced() async throws {
        let sandbox = Sandbox(configuration: .init(workerExecutable: SandboxHarness.workerExecutable, warmWorkers: 1))
        let timedOut = await sandbox.run("for (;;) await null", tools: NoTools(), limits: SandboxLimits(cpuSeconds: 0.3, wallSeconds: 0.3))
        #expect(timedOut.outcome == .timeout(.wall) || timedOut.outcome == .timeout(.cpu))
        let next = await sandbox.run("return 'fresh'", tools: NoTools(), limits: SandboxLimits())
        #expect(next.outcome == .value("fresh"))
        await sandbox.shutdown()
    }

    @Test func missingWorkerBinaryIsAWorkerFailure() async {
        let sandbox = Sandbox(configuration: .init(workerExecutable: "/nonexistent/modegate", warmWorkers: 0))
        let run = await sandbox.run("return 1", tools: NoTools(), limits: SandboxLimits())
        guard case .workerFailure(let message) = run.outcome else {
            Issue.record("expected a worker failure, got \(run.outcome)")
            return
        }
        #expect(message.contains("/nonexistent/modegate"))
    }
}
