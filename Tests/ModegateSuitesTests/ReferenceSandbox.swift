import Foundation
import ModegateCore
import ModegateSandbox

/// One sandbox for the test process, its workers from the `modegate` binary built into this
/// package's debug build (`swift build --product modegate`), or
/// `$MODEGATE_BINARY`. The one place that names the path.
enum ReferenceSandbox {
    static var workerExecutable: String {
        ProcessInfo.processInfo.environment["MODEGATE_BINARY"]
            ?? BuiltinPresets.repository.appendingPathComponent(".build/debug/modegate").path
    }

    static let shared = Sandbox(configuration: .init(workerExecutable: workerExecutable, warmWorkers: 2))

    /// Generous limits: a reference must not fail for lack of time on a loaded CI machine.
    static let limits = SandboxLimits(cpuSeconds: 20, wallSeconds: 30, maxToolCalls: 2_000)

    /// Runs a case's reference program against `session`.
    static func run(_ program: String, session: any ToolSession, limits: SandboxLimits = limits) async -> SandboxRun {
        await shared.run(program, tools: ToolSessionHandler(session), limits: limits)
    }
}
