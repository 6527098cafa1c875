import Foundation
import ModegateCore

/// A gate's `workload.presets` resolved as a run resolves them, so that `check`, `run --dry-run`
/// and `run` reject the same gates: each entry found (a built-in name or a file), each file
/// loaded, each `suite: {mcp: SERVER}` matched to an enabled server of `mcp.servers`. A problem
/// with an entry points at it in the gate file
/// (`gates/x.yaml:3:19: error: no preset 'repo_triaje' (did you mean 'repo_triage'?) (at workload.presets[1])`);
/// a broken preset file keeps its own `file:line:column` diagnostics.
public struct PresetResolution: Sendable {
    /// Loads the presets and knows the suites they may name.
    public let planner: WorkloadPlanner

    /// Resolution with this planner's locator and suites.
    public init(planner: WorkloadPlanner) { self.planner = planner }

    /// Throws `DiagnosticsError` with every problem of every entry.
    public func presets(for plan: GatePlan) throws -> [Preset] {
        let source = GateSourceMap(path: plan.sourcePath)
        var presets: [Preset] = []
        var problems: [Diagnostic] = []
        for (index, name) in plan.workload.presets.enumerated() {
            guard let url = planner.locator.locate(name, relativeTo: planner.gateDirectory) else {
                problems.append(source.presetEntryError(missing(name), index: index))
                continue
            }
            let preset: Preset
            do {
                preset = try PresetLoader.load(path: url.path)
            } catch let error as DiagnosticsError {
                problems += error.diagnostics
                continue
            }
            if case .mcp(let server) = preset.suite, let problem = Self.serverProblem(server, preset: preset.name, mcp: plan.mcp) {
                problems.append(source.presetEntryError(problem, index: index))
                continue
            }
            presets.append(preset)
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return presets
    }

    private func missing(_ name: String) -> String {
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/") {
            return "no preset file at \(name) (paths are relative to \(planner.gateDirectory.path))"
        }
        let builtins = planner.locator.builtinPresetFiles().map { $0.deletingPathExtension().lastPathComponent }
        if let suggestion = NameSuggestion.closest(to: name, among: builtins) {
            return "no preset '\(name)' (did you mean '\(suggestion)'?)"
        }
        var folders: [String] = []
        for folder in planner.locator.searchFolders.map(\.standardizedFileURL.path) where !folders.contains(folder) {
            folders.append(folder)
        }
        let known = builtins.isEmpty ? "" : "; the built-in presets are \(builtins.joined(separator: ", "))"
        return "no preset '\(name)': no \(name).yaml in \(folders.joined(separator: ", "))\(known)"
    }

    static func serverProblem(_ server: String, preset: String, mcp: MCPPlan) -> String? {
        guard mcp.servers[server] != nil else {
            let defined = mcp.servers.keys.sorted()
            let suggestion = NameSuggestion.closest(to: server, among: defined).map { " (did you mean '\($0)'?)" } ?? ""
            return "preset '\(preset)' runs on the MCP server '\(server)', which mcp.servers does not define\(suggestion)"
                + (defined.isEmpty ? "; add it under mcp.servers" : "; defined: \(defined.joined(separator: ", "))")
        }
        guard mcp.enabled else {
            return "preset '\(preset)' runs on the MCP server '\(server)', but mcp.enabled is false; set it to true"
        }
        return nil
    }
}
