import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateSandbox
import ModegateSuites

/// `modegate check GATE.yaml`: validates a gate file — its keys, and the presets it names as a
/// run would resolve them — and prints the resolved plan as JSON. The tools the arms will be
/// offered get the run's pre-flight contract check: built-in suites' at once, MCP servers' by
/// starting each server twice (when it can be reached; `--no-servers` skips this).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a gate file and the presets it names; print the resolved plan.",
        discussion: """
            Problems with the gate or its presets are errors (exit 3). The pre-flight contract check of \
            the tools the arms will be offered prints warnings naming each tool; for MCP servers it \
            starts each one twice and compares the tool lists, and an unreachable server is a warning.
            """)

    @Argument(help: "The gate file.")
    var gate: String

    @Flag(name: .customLong("no-servers"), help: "Do not start the gate's MCP servers to check their tools.")
    var noServers = false

    func run() async throws {
        do {
            let plan = try GateLoader.load(path: gate)
            let workspace = Workspace()
            let planner = workspace.planner(forGate: gate)
            let presets = try PresetResolution(planner: planner).presets(for: plan)
            Console.out(try StableJSON.string(plan))
            // The tools of built-in suites are known without starting anything.
            var seen = Set<String>()
            let tools = presets.compactMap { preset -> (any Suite)? in
                guard case .builtin(let name) = preset.suite else { return nil }
                return planner.suites.first { $0.name == name }
            }.flatMap(\.tools).filter { seen.insert($0.name).inserted }
            let warnings = Set(ToolContract.warnings(tools: tools, strategy: plan.baseline.strategy)
                + ToolContract.warnings(tools: tools, strategy: plan.candidate.strategy))
            for warning in warnings.sorted() { Console.error("modegate: \(gate): warning: \(warning)") }
            let cases = presets.reduce(0) { $0 + $1.cases(limit: plan.workload.limit).count }
            for warning in MarginWarning.warnings(plan: plan, cases: cases) { Console.error("modegate: \(gate): warning: \(warning)") }
            let differences = ArmDifferences.describe(baseline: plan.baseline, candidate: plan.candidate, shared: plan.model)
            if !differences.isEmpty { Console.error("modegate: \(gate): the arms differ in: \(differences.joined(separator: "; "))") }
            if !noServers {
                let check = ServerContractCheck(plan: plan, presets: presets, environment: ProcessInfo.processInfo.environment)
                let findings = try await SignalWatch.shared.cancellingOnSignal(stopping: "stopping the MCP servers being checked") {
                    await check.run()
                }
                try Task.checkCancellation()
                for finding in findings {
                    if let tools = finding.tools {
                        Console.error("modegate: \(gate): MCP server '\(finding.server)': \(tools) tool\(tools == 1 ? "" : "s"), started twice")
                    }
                    for warning in finding.warnings { Console.error("modegate: \(gate): warning: \(warning)") }
                }
            }
            Console.error("modegate: \(gate): ok")
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
