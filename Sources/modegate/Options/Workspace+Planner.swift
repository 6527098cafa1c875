import Foundation
import ModegateHarness
import ModegateSandbox
import ModegateSuites

extension Workspace {
    /// Where preset names are looked up: beside `gate` (when a gate file is given), here, and
    /// where the binary is installed. Paths in a gate are relative to the working directory.
    func presetLocator(forGate gate: String?) -> PresetLocator {
        PresetLocator(
            gateFile: gate.map { URL(fileURLWithPath: $0, relativeTo: directory).standardizedFileURL },
            workingDirectory: directory, environment: environment,
            executable: URL(fileURLWithPath: Sandbox.Configuration.currentExecutable))
    }

    /// The planner every command resolves a gate's workload with: the built-in suites, presets
    /// found by `presetLocator(forGate:)`.
    func planner(forGate gate: String?) -> WorkloadPlanner {
        WorkloadPlanner(locator: presetLocator(forGate: gate), gateDirectory: directory, suites: BuiltinSuites.all)
    }
}
