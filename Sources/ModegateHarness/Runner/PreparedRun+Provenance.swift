import Foundation
import ModegateCore

extension PreparedRun {
    /// The provenance of `role`'s arm in this run (a bench arm plays the candidate's settings
    /// for code mode and the baseline's for tool calling, with `strategy`): the model the arm plays
    /// (its own or the shared one) and its sampling, the arm's settings, the workload's shape and faults, the presets' file digests
    /// and the tools the cases' suites offer (MCP suites' as their servers listed them, so after
    /// the servers opened).
    func provenance(for role: ArmRole, strategy: Strategy? = nil) -> RunProvenance {
        let gate = plan.gate
        let played: ArmRole = role == .candidate || (role == .bench && strategy == .codemode) ? .candidate : .baseline
        let model = gate.model(for: played)
        var modelFields: [String: JSONValue] = [
            "provider": .string(model.provider.rawValue), "temperature": .number(model.temperature),
            "max_output_tokens": .number(Double(model.maxOutputTokens)),
        ]
        if let name = model.name { modelFields["name"] = .string(name) }
        if let url = model.baseURL { modelFields["base_url"] = .string(url) }
        if let version = model.apiVersion { modelFields["api_version"] = .string(version) }
        var armPlan = played == .candidate ? gate.candidate : gate.baseline
        if let strategy { armPlan.strategy = strategy }
        armPlan.model = nil  // the model it plays is the provenance's model, as for a shared one
        armPlan.reuse = nil  // where a baseline came from is not what it measured
        armPlan.instructionsFile = nil  // the text is what the model was told, not where it was kept
        let workload: JSONValue = [
            "repetitions": .number(Double(plan.repetitions)), "limit": .number(Double(gate.workload.limit)),
            "seed": .number(Double(gate.workload.seed)), "transport": .string(gate.tools.transport.rawValue),
            "faults": Self.json(gate.tools.faults),
        ]
        var presets: [String: String] = [:]
        for preset in plan.presets {
            let bytes = FileManager.default.contents(atPath: preset.sourcePath)
            presets[preset.name] = bytes.map(SHA256.hex) ?? "unreadable"
        }
        var tools: [String: [String: String]] = [:]
        for workload in cases where tools[workload.suite.name] == nil {
            var listed: [String: String] = [:]
            for tool in workload.suite.tools {
                listed[tool.name] = (try? StableJSON.data(tool, pretty: false)).map(SHA256.hex) ?? "unencodable"
            }
            tools[workload.suite.name] = listed
        }
        for server in addedServers[role] ?? [] where tools[server.name] == nil {
            var listed: [String: String] = [:]
            for tool in server.tools { listed[tool.name] = (try? StableJSON.data(tool, pretty: false)).map(SHA256.hex) ?? "unencodable" }
            tools[server.name] = listed
        }
        var arm = Self.json(armPlan)
        // No added server reads as before the key existed, so baselines stored earlier still match.
        if case .object(var fields) = arm, fields["mcp_servers"] == .array([]) {
            fields["mcp_servers"] = nil
            arm = .object(fields)
        }
        return RunProvenance(model: .object(modelFields), arm: arm, workload: workload, presets: presets, tools: tools)
    }

    private static func json<T: Encodable>(_ value: T) -> JSONValue {
        (try? StableJSON.string(value, pretty: false)).flatMap { try? JSONValue.parse($0) } ?? .null
    }
}
