import Foundation
import ModegateCore

/// Resolves a gate's `workload` into cases: loads each preset, binds its suite, settles every
/// case's expected answer (stated, or from the suite's oracle), applies `limit` and a shard.
public struct WorkloadPlanner: Sendable {
    /// Finds preset files by name.
    public var locator: PresetLocator
    /// The folder relative paths in the gate resolve against (the working directory).
    public var gateDirectory: URL
    /// The suites a preset's `suite:` may name (the built-in ones; tests add their own).
    public var suites: [any Suite]
    /// The suites of the gate's MCP servers, by server name, for `suite: {mcp: SERVER}`.
    public var mcpSuites: [String: any Suite] = [:]

    /// A planner over these suites; MCP suites are added per run.
    public init(locator: PresetLocator, gateDirectory: URL, suites: [any Suite]) {
        self.locator = locator
        self.gateDirectory = gateDirectory
        self.suites = suites
    }

    /// Throws `DiagnosticsError` naming every preset or case that cannot be used.
    public func cases(presets names: [String], limit: Int, shard: Shard? = nil) throws -> [WorkloadCase] {
        try cases(of: presets(names), limit: limit, shard: shard)
    }

    /// The named presets, loaded. Throws `DiagnosticsError` naming every one that cannot be.
    public func presets(_ names: [String]) throws -> [Preset] {
        var presets: [Preset] = []
        var problems: [Diagnostic] = []
        for name in names {
            guard let url = locator.locate(name, relativeTo: gateDirectory) else {
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/") {
                    problems.append(Diagnostic(file: name, line: 0, column: 0,
                        message: "no preset file at \(name) (relative to \(gateDirectory.path))"))
                    continue
                }
                problems.append(Diagnostic(file: name, line: 0, column: 0,
                    message: "no preset '\(name)': looked for \(name).yaml in \(locator.searchFolders.map(\.path).joined(separator: ", "))"))
                continue
            }
            do {
                presets.append(try PresetLoader.load(path: url.path))
            } catch let error as DiagnosticsError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return presets
    }

    /// The cases of loaded presets.
    public func cases(of presets: [Preset], limit: Int, shard: Shard? = nil) throws -> [WorkloadCase] {
        var cases: [WorkloadCase] = []
        var problems: [Diagnostic] = []
        for preset in presets {
            let url = URL(fileURLWithPath: preset.sourcePath)
            let suite: any Suite
            switch preset.suite {
            case .builtin(let suiteName):
                guard let builtin = suites.first(where: { $0.name == suiteName }) else {
                    problems.append(Diagnostic(file: url.path, line: 0, column: 0,
                        message: "unknown suite '\(suiteName)'; built-in suites: \(suites.map(\.name).joined(separator: ", "))"))
                    continue
                }
                suite = builtin
            case .mcp(let server):
                guard let served = mcpSuites[server] else {
                    let known = mcpSuites.keys.sorted()
                    problems.append(Diagnostic(file: url.path, line: 0, column: 0,
                        message: "preset '\(preset.name)' uses MCP server '\(server)', which the gate's mcp.servers does not define"
                            + (known.isEmpty ? "" : " (it defines: \(known.joined(separator: ", ")))")))
                    continue
                }
                suite = served
            }
            let suiteName = suite.name
            let selected = preset.cases(limit: limit)
            // The preset's harness tools are hidden in every case, so no case shows another's checker.
            let hidden = preset.cases.reduce(into: Set<String>()) { $0.formUnion($1.harnessTools) }
            for testCase in selected {
                // A checker tool judges the answer itself: the case needs no expected answer.
                let checked: JSONValue? = if case .mcp = testCase.scorer { JSONValue.null } else { Optional<JSONValue>.none }
                guard let expected = testCase.expected ?? suite.oracle(params: testCase.params) ?? checked else {
                    problems.append(Diagnostic(file: url.path, line: 0, column: 0,
                        message: "case '\(testCase.id)' states no expected answer and suite '\(suiteName)' has no oracle for its params"))
                    continue
                }
                let expectedState = testCase.scorer == .state ? suite.expectedState(params: testCase.params) : nil
                if testCase.scorer == .state && expectedState == nil {
                    problems.append(Diagnostic(file: url.path, line: 0, column: 0,
                        message: "case '\(testCase.id)' is scored on state but suite '\(suiteName)' has no expected state for it"))
                    continue
                }
                var workloadCase = WorkloadCase(
                    preset: preset.name, suite: suite, testCase: testCase, expected: expected, expectedState: expectedState)
                workloadCase.harnessTools = hidden
                if shard?.contains(workloadCase.caseKey) ?? true { cases.append(workloadCase) }
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return cases
    }
}
