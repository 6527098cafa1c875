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
            _ = try PresetResolution(planner: workspace.planner(forGate: gate)).presets(for: plan)
            Console.out(try StableJSON.string(plan))
            Console.error("modegate: \(gate): ok")
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
