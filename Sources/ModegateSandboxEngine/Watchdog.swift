import CJavaScriptCore
import Foundation
import ModegateSandbox

/// CPU time of one program across every entry into the engine. The engine's own limit watches
/// each entry separately, so before each entry it is set to what is left of the program's budget.
final class Watchdog {
    private(set) var fired = false
    private var remaining: Double = 0

    func start(budget: Double) {
        fired = false
        remaining = budget
    }

    /// Runs one entry into the engine under the remaining budget and charges its CPU time.
    func enter<Result>(_ group: JSContextGroupRef, _ body: () -> Result) -> Result {
        JSContextGroupSetExecutionTimeLimit(group, max(remaining, 0.001), { _, context in
            guard let context else { return true }
            Unmanaged<Watchdog>.fromOpaque(context).takeUnretainedValue().fired = true
            return true
        }, Unmanaged.passUnretained(self).toOpaque())
        let before = Self.threadCPUTime()
        let result = body()
        remaining -= Self.threadCPUTime() - before
        if remaining <= 0 { fired = true }
        return result
    }

    static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
