import ArgumentParser
import ModegateSandbox

/// The hidden worker process the sandbox pool starts: `modegate __sandbox-worker --memory-mb N`.
struct SandboxWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__sandbox-worker", shouldDisplay: false)

    @Option var memoryMb: Int = 256

    func run() throws {
        SandboxWorker.main(memoryMB: memoryMb)
    }
}
