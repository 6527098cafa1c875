import Foundation
import ModegateCore
import Testing
@testable import ModegateSandbox

/// Programs that try to escape, exhaust or corrupt the sandbox: each ends in a typed outcome
/// within its limits and leaves the host able to run the next program.
@Suite struct HostileProgramTests {
    static let limits = SandboxLimits(cpuSeconds: 2, wallSeconds: 2, memoryMB: 128)

    /// For the memory cases: a loaded machine can take longer than 2 s to fill 128 MB, and the
    /// outcome under test is the memory limit, not a timeout.
    static let memoryLimits = SandboxLimits(cpuSeconds: 30, wallSeconds: 30, memoryMB: 128)

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var program: String
        var limits = HostileProgramTests.limits
        var expected: @Sendable (SandboxOutcome) -> Bool
        var description: String { name }
    }

    static let cases: [Case] = [
        // On a loaded machine the wall clock can run out before the CPU budget: either is a timeout.
        Case(name: "sync infinite loop", program: "for (;;) {}") { $0 == .timeout(.cpu) || $0 == .timeout(.wall) },
        Case(name: "async infinite loop", program: "while (true) await 0") { $0 == .timeout(.wall) || $0 == .timeout(.cpu) },
        Case(name: "memory bomb", program: "const a = []; for (;;) a.push(new Float64Array(1 << 20))", limits: memoryLimits) {
            $0 == .outOfMemory
        },
        Case(name: "string doubling", program: "let s = 'x'; for (;;) s += s", limits: memoryLimits) { $0 == .outOfMemory },
        Case(name: "deep recursion", program: "const f = n => f(n + 1) + 1; return f(0)") {
            if case .exception("RangeError", let message, _) = $0 { return message.contains("call stack") }
            return false
        },
        Case(name: "never-settling promise", program: "return await new Promise(() => {})") { $0 == .stalled },
        Case(name: "cyclic result", program: "const a = {}; a.a = a; return a") {
            if case .exception("TypeError", let message, _) = $0 { return message.contains("cyclic") }
            return false
        },
        Case(name: "huge result", program: "return new Array(1e5).fill('abcdef')") {
            if case .outputTooLarge = $0 { return true }
            return false
        },
        Case(name: "process", program: "return process.env") { isReferenceError($0) },
        Case(name: "require", program: "return require('fs')") { isReferenceError($0) },
        Case(name: "fetch", program: "return await fetch('https://example.com')") { isReferenceError($0) },
        Case(name: "XMLHttpRequest", program: "return new XMLHttpRequest()") { isReferenceError($0) },
        Case(name: "dynamic import", program: "return await import('fs')") {
            if case .exception = $0 { return true }
            return false
        },
        Case(name: "WebAssembly", program: "return WebAssembly.compile(new Uint8Array([0, 97, 115, 109]))") { isReferenceError($0) },
        Case(name: "Function constructor", program: "return Function('return globalThis')()") { isEvalError($0) },
        Case(name: "constructor of a function", program: "return (() => 1).constructor('return 1')()") { isEvalError($0) },
        Case(name: "constructor of an async function", program: "return (async () => 1).constructor('return 1')") { isEvalError($0) },
        Case(name: "constructor of a generator", program: "return (function* () {}).constructor('yield 1')") { isEvalError($0) },
        Case(name: "eval", program: "return eval('1 + 1')") { isEvalError($0) },
        Case(name: "indirect eval", program: "return (0, globalThis['ev' + 'al'])('1')") { isEvalError($0) },
        Case(name: "timers", program: "return typeof setTimeout + typeof setInterval + typeof queueMicrotask") {
            $0 == .value("undefinedundefinedundefined") || $0 == .value("undefinedundefinedfunction")
        },
    ]

    @Test(arguments: cases)
    func endsTypedWithinLimits(_ hostile: Case) async {
        let run = await SandboxHarness.run(hostile.program, limits: hostile.limits)
        #expect(hostile.expected(run.outcome), "\(hostile.name): \(run.outcome)")
        #expect(run.programSeconds < hostile.limits.wallSeconds + 1.5, "\(hostile.name) took \(run.programSeconds) s")
        #expect(await SandboxHarness.hostIsHealthy())
    }

    @Test func pollutionDoesNotReachTheHostOrTheNextProgram() async {
        let polluter = await SandboxHarness.run("""
            Object.prototype.injected = 'polluted';
            Promise.prototype.then = function () { return 'hijacked' };
            JSON.stringify = () => '"forged"';
            Array.prototype.map = null;
            try { tools.add = () => 'fake' } catch (e) {}
            try { delete tools.add } catch (e) {}
            try { Object.setPrototypeOf(tools, {}) } catch (e) {}
            globalThis.leak = 'secret';
            return [typeof tools.add, Object.isFrozen(tools), Object.getPrototypeOf(tools)]
            """)
        #expect(polluter.outcome == .value(["function", true, .null]))
        let next = await SandboxHarness.run("""
            return [typeof globalThis.leak, typeof Object.prototype.injected, [1, 2].map(x => x * 2), JSON.stringify({a: 1})]
            """)
        #expect(next.outcome == .value(["undefined", "undefined", [2, 4], "{\"a\":1}"]))
    }

    /// A program that makes every object a thenable sabotages only itself: its own result can
    /// no longer settle, which is reported as such.
    @Test func thenablePollutionStallsOnlyItself() async {
        #expect(await SandboxHarness.run("Object.prototype.then = () => 1; return {}").outcome == .stalled)
        #expect(await SandboxHarness.hostIsHealthy())
    }

    @Test func toolsCannotBeImpersonated() async {
        let run = await SandboxHarness.run("""
            const real = tools.add;
            const result = await real.call({fake: true}, {a: 1, b: 1});
            return [result, Object.keys(tools).sort()]
            """)
        #expect(run.outcome == .value([2, ["add", "echo", "fail", "lookup"]]))
    }

    static func isReferenceError(_ outcome: SandboxOutcome) -> Bool {
        if case .exception(let name, _, _) = outcome { return name == "ReferenceError" || name == "TypeError" }
        return false
    }

    static func isEvalError(_ outcome: SandboxOutcome) -> Bool {
        if case .exception("EvalError", _, _) = outcome { return true }
        return false
    }
}
