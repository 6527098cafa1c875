import Foundation

/// What sets the candidate's arm apart from the baseline's, in the words `check` prints and every
/// report shows: `strategy tool_call → codemode`, `max_steps 24 → 6`, `candidate adds
/// instructions (212 characters)`. Settings that only Code Mode reads (the runtime, discovery,
/// the tool API, the sandbox limits) are compared only when both arms run Code Mode: for a
/// tool-calling baseline they say nothing. Models are compared as each arm plays them (its own,
/// else `shared`), key by key: `model name gpt-4.1 → gpt-4.1-mini`.
public enum ArmDifferences {
    public static func describe(baseline: ArmPlan, candidate: ArmPlan, shared: ModelPlan? = nil) -> [String] {
        var lines = models(baseline.model ?? shared, candidate.model ?? shared)
        if baseline.strategy != candidate.strategy {
            lines.append("strategy \(baseline.strategy.rawValue) → \(candidate.strategy.rawValue)")
        }
        if baseline.maxSteps != candidate.maxSteps { lines.append("max_steps \(baseline.maxSteps) → \(candidate.maxSteps)") }
        if baseline.strategy == .codemode, candidate.strategy == .codemode {
            if baseline.runtime != candidate.runtime || baseline.mcpServer != candidate.mcpServer {
                lines.append("runtime \(runtime(baseline)) → \(runtime(candidate))")
            }
            if baseline.discovery != candidate.discovery {
                lines.append("discovery \(baseline.discovery ? "on" : "off") → \(candidate.discovery ? "on" : "off")")
            }
            if baseline.toolAPI != candidate.toolAPI { lines.append("tool_api \(baseline.toolAPI.rawValue) → \(candidate.toolAPI.rawValue)") }
            if baseline.limits != candidate.limits { lines.append("sandbox limits differ") }
        }
        for server in candidate.mcpServers where !baseline.mcpServers.contains(server) { lines.append("candidate adds MCP server \(server)") }
        for server in baseline.mcpServers where !candidate.mcpServers.contains(server) { lines.append("candidate drops MCP server \(server)") }
        switch (baseline.instructions, candidate.instructions) {
        case (nil, let added?): lines.append("candidate adds instructions (\(added.count) characters)")
        case (let dropped?, nil): lines.append("candidate drops the baseline's instructions (\(dropped.count) characters)")
        case (let before?, let after?) where before != after:
            lines.append("instructions differ (\(before.count) → \(after.count) characters)")
        default: break
        }
        return lines
    }

    /// The differences between two stored runs' arms, from the plans their manifests hold; empty
    /// for runs without one (RLM Code summaries).
    public static func describe(baseline: StoredRun, candidate: StoredRun) -> [String] {
        guard var before = armPlan(of: baseline), var after = armPlan(of: candidate) else { return [] }
        // Each run's shared model is its own gate's (a reused baseline may come from another).
        before.model = before.model ?? sharedModel(of: baseline)
        after.model = after.model ?? sharedModel(of: candidate)
        return describe(baseline: before, candidate: after)
    }

    /// Each key of the model that differs between the arms, as `model KEY BEFORE → AFTER`.
    static func models(_ baseline: ModelPlan?, _ candidate: ModelPlan?) -> [String] {
        guard let baseline, let candidate, baseline != candidate,
              let before = try? JSONValue.parse(StableJSON.string(baseline, pretty: false)).objectValue,
              let after = try? JSONValue.parse(StableJSON.string(candidate, pretty: false)).objectValue
        else { return [] }
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            let old = before[key] ?? .null, new = after[key] ?? .null
            guard old != new else { return nil }
            if key == "pricing" { return "model pricing differs" }
            func shown(_ value: JSONValue) -> String { value == .null ? "unset" : value.stringValue ?? value.jsonText }
            return "model \(key) \(shown(old)) → \(shown(new))"
        }
    }

    private static func sharedModel(of run: StoredRun) -> ModelPlan? {
        guard let model = run.manifest?.plan?["model"] else { return nil }
        return try? StableJSON.decoder().decode(ModelPlan.self, from: Data(model.jsonText.utf8))
    }

    /// The settings a stored run played: its role's section of the plan, or for a bench run the
    /// section of its strategy (`modegate bench` plays the candidate's settings for Code Mode).
    static func armPlan(of run: StoredRun) -> ArmPlan? {
        guard let manifest = run.manifest, let plan = manifest.plan else { return nil }
        let section: String
        switch manifest.arm {
        case .baseline?: section = "baseline"
        case .candidate?: section = "candidate"
        default: section = manifest.strategy == .codemode ? "candidate" : "baseline"
        }
        guard case .object(var fields)? = plan[section] else { return nil }
        // Plans stored before an arm could add servers lack the key: none were added.
        if fields["mcp_servers"] == nil { fields["mcp_servers"] = .array([]) }
        guard var arm = try? StableJSON.decoder().decode(ArmPlan.self, from: Data(JSONValue.object(fields).jsonText.utf8)) else {
            return nil
        }
        arm.strategy = manifest.strategy
        return arm
    }

    private static func runtime(_ arm: ArmPlan) -> String {
        arm.runtime == .mcp ? "mcp (server \(arm.mcpServer ?? "?"))" : arm.runtime.rawValue
    }
}
