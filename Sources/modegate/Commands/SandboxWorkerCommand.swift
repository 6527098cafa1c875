import ArgumentParser
import Foundation
import ModegateCore
import ModegateSandbox

/// The hidden worker process the sandbox pool starts: `modegate __sandbox-worker --memory-mb N`.
/// It loads the engine library (`libModegateSandboxEngine`, beside the binary) and hands over to
/// it; only worker processes ever load JavaScriptCore.
struct SandboxWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__sandbox-worker", shouldDisplay: false)

    @Option var memoryMb: Int = 256

    #if os(macOS)
    static let libraryName = "libModegateSandboxEngine.dylib"
    #else
    static let libraryName = "libModegateSandboxEngine.so"
    #endif

    func run() throws {
        let folder = URL(fileURLWithPath: Sandbox.Configuration.currentExecutable).deletingLastPathComponent()
        let library = folder.appendingPathComponent(Self.libraryName).path
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            Console.error("modegate: error: cannot load the sandbox engine \(library): \(reason); build it with `swift build` (or `make`)")
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
