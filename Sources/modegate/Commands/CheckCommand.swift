import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateSandbox
import ModegateSuites

/// `modegate check GATE.yaml`: validates a gate file — its keys, and the presets it names as a
/// run would resolve them — and prints the resolved plan as JSON.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a gate file and the presets it names; print the resolved plan.")

    @Argument(help: "The gate file.")
    var gate: String

    func run() throws {
        do {
            let plan = try GateLoader.load(path: gate)
            let workspace = Workspace()
            let planner = workspace.planner(forGate: gate)
            let presets = try PresetResolution(planner: planner).presets(for: plan)
            Console.out(try StableJSON.string(plan))
            // The tools of built-in suites are known without starting anything; MCP servers' are
            // checked when a run lists them.
            var seen = Set<String>()
            let tools = presets.compactMap { preset -> (any Suite)? in
                guard case .builtin(let name) = preset.suite else { return nil }
                return planner.suites.first { $0.name == name }
            }.flatMap(\.tools).filter { seen.insert($0.name).inserted }
            let warnings = Set(ToolContract.warnings(tools: tools, strategy: plan.baseline.strategy)
                + ToolContract.warnings(tools: tools, strategy: plan.candidate.strategy))
            for warning in warnings.sorted() { Console.error("modegate: \(gate): warning: \(warning)") }
            Console.error("modegate: \(gate): ok")
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
