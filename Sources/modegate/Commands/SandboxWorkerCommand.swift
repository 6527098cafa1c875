import ArgumentParser
import Foundation
import ModegateCore
import ModegateSandbox

/// The hidden worker process the sandbox pool starts: `modegate __sandbox-worker --memory-mb N`.
/// It loads the engine library (`libModegateSandboxEngine`, found by `SandboxEngineLocation`:
/// installed in `PREFIX/lib/modegate`, or beside the binary in the build folder) and hands over
/// to it; only worker processes ever load JavaScriptCore.
struct SandboxWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__sandbox-worker", shouldDisplay: false)

    @Option var memoryMb: Int = 256

    func run() throws {
        let location = SandboxEngineLocation(
            executable: Sandbox.Configuration.currentExecutable, environment: ProcessInfo.processInfo.environment)
        guard let library = location.found else {
            Console.error("modegate: error: \(location.missingMessage)")
            throw ExitCode(ExitStatus.runError.rawValue)
        }
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            // The file is there, so what is missing is most likely JavaScriptCore itself.
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            Console.error("modegate: error: cannot load the sandbox engine \(library): \(reason); "
                + "install JavaScriptCore (Debian: apt-get install libjavascriptcoregtk-4.1-0) or rebuild the engine")
            throw ExitCode(ExitStatus.runError.rawValue)
        }
        guard let entry = dlsym(handle, "modegate_sandbox_worker_main") else {
            Console.error("modegate: error: \(library) has no modegate_sandbox_worker_main; rebuild it")
            throw ExitCode(ExitStatus.runError.rawValue)
        }
        // The entry never returns (it exits the process); C cannot say so in its type.
        typealias WorkerMain = @convention(c) (Int32) -> Void
        unsafeBitCast(entry, to: WorkerMain.self)(Int32(memoryMb))
        throw ExitCode(ExitStatus.runError.rawValue)
    }
}
