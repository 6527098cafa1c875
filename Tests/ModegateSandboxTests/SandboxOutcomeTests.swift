import Foundation
import ModegateCore
import Testing
@testable import ModegateSandbox

/// Every outcome the sandbox can give, from a real worker process.
@Suite struct SandboxOutcomeTests {
    @Test func valueWithToolsAwaitAndReturn() async {
        let run = await SandboxHarness.run("""
            const [sum, row] = await Promise.all([tools.add({a: 2, b: 3}), tools.lookup({key: "alpha"})]);
            console.log("sum is", sum, row);
            return {sum, owner: row.owner, twice: await tools.add({a: sum, b: sum})};
            """)
        #expect(run.outcome == .value(["sum": 5, "owner": "ada", "twice": 10]))
        #expect(run.toolCalls.map(\.name) == ["add", "lookup", "add"])
        #expect(run.toolCalls.map(\.wave) == [1, 1, 2])
        #expect(run.waves == 2)
        #expect(run.logs == ["sum is 5 {\"id\":1,\"owner\":\"ada\"}"])
    }

    @Test func undefinedIsNull() async {
        #expect(await SandboxHarness.run("const x = 1;").outcome == .value(.null))
    }

    @Test func syntaxErrorHasLineAndColumn() async {
        let run = await SandboxHarness.run("let x = 1;\nlet y = x +* 2;\nreturn y")
        #expect(run.outcome == .syntaxError(line: 2, column: 12, message: "Unexpected token '*'"))
        let unfinished = await SandboxHarness.run("return [1, 2")
        guard case .syntaxError(let line, let column, _) = unfinished.outcome else {
            Issue.record("expected a syntax error, got \(unfinished.outcome)")
            return
        }
        #expect(line == 1 && column == 13)
    }

    @Test func exceptionHasNameMessageAndStack() async {
        let run = await SandboxHarness.run("function inner() { throw new TypeError('boom') }\ninner()")
        guard case .exception(let name, let message, let stack) = run.outcome else {
            Issue.record("expected an exception, got \(run.outcome)")
            return
        }
        #expect(name == "TypeError" && message == "boom")
        #expect(stack.contains("inner@program.js:1"))
    }

    @Test func uncaughtToolFailureIsAToolError() async {
        let run = await SandboxHarness.run("return await tools.lookup({key: 'nope'})")
        #expect(run.outcome == .toolError(tool: "lookup", message: "no row with key 'nope'"))
        #expect(run.toolCalls.first?.result == .failure("no row with key 'nope'"))
    }

    @Test func caughtToolFailureIsAnErrorTheProgramCanHandle() async {
        let run = await SandboxHarness.run("""
            try { await tools.fail({message: 'down'}) } catch (error) { return [error.name, error.message, error.tool, error instanceof Error] }
            """)
        #expect(run.outcome == .value(["ToolError", "down", "fail", true]))
    }

    @Test func cpuAndWallTimeouts() async {
        // A CPU limit, so under load the wall clock runs longer (with both cores busy and the suite
        // running, 0.5 s of CPU took over 10 s of wall clock); the outcome shows which limit fired.
        let busy = await SandboxHarness.run("while (true) {}", limits: SandboxLimits(cpuSeconds: 0.5, wallSeconds: 60))
        #expect(busy.outcome == .timeout(.cpu))
        #expect(busy.programSeconds < 60)
        let limits = SandboxLimits(cpuSeconds: 0.5, wallSeconds: 0.5)
        // Microtasks are one long entry the engine's watchdog cannot see: only the kill stops them.
        let spinning = await SandboxHarness.run("for (;;) await null", limits: limits)
        #expect(spinning.outcome == .timeout(.wall) || spinning.outcome == .timeout(.cpu))
        // Killed by the host at the wall limit, whatever the load.
        #expect(spinning.programSeconds < 5)
        let waiting = await SandboxHarness.run(
            "return await tools.slow({})", tools: SlowTool(seconds: 3), limits: SandboxLimits(cpuSeconds: 5, wallSeconds: 0.5))
        #expect(waiting.outcome == .timeout(.wall))
        #expect(await SandboxHarness.hostIsHealthy())
    }

    @Test func outOfMemory() async {
        // Time limits far off: under load filling 128 MB took over 10 s of wall clock.
        let run = await SandboxHarness.run("const a = []; for (;;) a.push(new Array(1e6).fill(1.5))",
                                           limits: SandboxLimits(cpuSeconds: 60, wallSeconds: 60, memoryMB: 128))
        #expect(run.outcome == .outOfMemory)
        #expect(await SandboxHarness.hostIsHealthy())
    }

    @Test func outputTooLarge() async {
        let run = await SandboxHarness.run("return 'x'.repeat(5000)", limits: SandboxLimits(maxOutputBytes: 1000))
        #expect(run.outcome == .outputTooLarge(bytes: 5002, limit: 1000))
    }

    @Test func guardrails() async {
        let denied = SandboxLimits(deniedTools: ["fail"])
        #expect(await SandboxHarness.run("return await tools.fail({})", limits: denied).outcome
            == .guardrailBlocked(reason: "the program calls tool 'fail', which is denied by policy"))
        // A name the static view cannot see is caught when the call happens.
        let dynamic = await SandboxHarness.run("const name = ['fa', 'il'].join(''); return await tools[name]({})", limits: denied)
        #expect(dynamic.outcome == .guardrailBlocked(reason: "tool 'fail' is denied by policy"))
        #expect(dynamic.toolCalls.isEmpty)
        // Words in strings and comments are not calls.
        let text = await SandboxHarness.run(
            "// tools.fail() is off limits\nreturn ['see https://example.com/tools.fail', 'require(\"fs\")']", limits: denied)
        #expect(text.outcome == .value(["see https://example.com/tools.fail", "require(\"fs\")"]))
        let budget = await SandboxHarness.run(
            "const calls = []; for (let i = 0; i < 5; i++) calls.push(tools.add({a: i, b: 1})); return await Promise.all(calls)",
            limits: SandboxLimits(maxToolCalls: 3))
        #expect(budget.outcome == .guardrailBlocked(reason: "the program exceeded its budget of 3 tool calls"))
        let size = await SandboxHarness.run("return 1" + String(repeating: " ", count: 100), limits: SandboxLimits(maxCodeChars: 50))
        #expect(size.outcome == .guardrailBlocked(reason: "the program is 108 characters, over the limit of 50"))
    }

    @Test func stalledPromise() async {
        #expect(await SandboxHarness.run("await new Promise(() => {})").outcome == .stalled)
    }
}

/// A tool that takes its time, for the wall-clock limit.
struct SlowTool: SandboxToolHandler {
    let seconds: Double
    var toolNames: [String] { ["slow"] }

    func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        return wave.map { _ in .success("late") }
    }
}
