import ArgumentParser
import Foundation
import ModegateCore
import ModegateSandbox
import ModegateSuites

/// `modegate exec [--suite S] PROGRAM.js`: runs a Code Mode program in the sandbox and shows its
/// result and tool calls. Exit 0 when it returned a value, 1 when it ended in a typed error,
/// 3 for unreadable input, 4 when the sandbox itself failed.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec", abstract: "Run a Code Mode program in the sandbox.",
        discussion: "Without --suite the program gets no tools. Suites: \(ExecSuites.names.joined(separator: ", ")).")

    @Argument(help: "The program: the body of an async function (top-level await and return work). '-' reads stdin.")
    var program: String

    @Option(help: "Give the program the tools of this suite.")
    var suite: String?

    @OptionGroup var params: SuiteParamsOption

    @Flag(help: "Print the outcome, tool calls and logs as JSON.")
    var json = false

    @Option(help: "CPU and wall-clock limit in seconds.")
    var timeout: Double = 30

    @Option(help: "Memory the program may use, in MB.")
    var memoryMb: Int = 256

    @Option(help: "Maximum tool calls.")
    var maxToolCalls: Int = 500

    @Option(help: "A tool the program must not call (repeatable).")
    var deny: [String] = []

    func validate() throws {
        if let suite, ExecSuites.handler(named: suite, params: [:]) == nil {
            throw ValidationError("unknown suite '\(suite)'; available: \(ExecSuites.names.joined(separator: ", "))")
        }
        // --timeout takes fractions of a second and --max-tool-calls 0, unlike the gate's keys.
        guard timeout > 0, timeout.isFinite, maxToolCalls >= 0 else {
            throw ValidationError("--timeout must be a positive number of seconds, --max-tool-calls not negative")
        }
        try GateKeyOverride(flag: "--memory-mb", key: "candidate.limits.memory_mb").check(memoryMb)
    }

    func run() async throws {
        let source: String
        do {
            source = try readProgram()
        } catch {
            throw Failure.exit(for: error)
        }
        let parameters = params.value
        let tools: any SandboxToolHandler = suite.flatMap { ExecSuites.handler(named: $0, params: parameters) } ?? NoTools()
        let limits = SandboxLimits(
            cpuSeconds: timeout, wallSeconds: timeout, memoryMB: memoryMb, maxToolCalls: maxToolCalls, deniedTools: deny)
        let sandbox = Sandbox(configuration: .init(warmWorkers: 0))
        // Ctrl-C stops the program with its worker (which leads a process group of its own).
        let run = try await SignalWatch.shared.cancellingOnSignal(stopping: "stopping the program") {
            await sandbox.run(source, tools: tools, limits: limits)
        }
        await sandbox.shutdown()
        if json {
            Console.out(try StableJSON.string(ExecReport(run)))
        } else {
            Console.out(ExecReport.text(run))
        }
        switch run.outcome {
        case .value: return
        case .workerFailure(let message):
            if !json { Console.error("modegate: error: \(message)") }
            throw ExitCode(ExitStatus.runError.rawValue)
        default:
            if !json { Console.error("modegate: \(run.outcome.kind): \(run.outcome.summary)") }
            throw ExitCode(1)
        }
    }

    private func readProgram() throws -> String {
        if program == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: program) else {
            throw InputError("\(program): error: cannot read the program file")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
