import Foundation

/// What sets the candidate's arm apart from the baseline's, in the words `check` prints and every
/// report shows: `strategy tool_call → codemode`, `max_steps 24 → 6`, `candidate adds
/// instructions (212 characters)`. Settings that only Code Mode reads (the runtime, discovery,
/// the tool API, the sandbox limits) are compared only when both arms run Code Mode: for a
/// tool-calling baseline they say nothing.
public enum ArmDifferences {
    public static func describe(baseline: ArmPlan, candidate: ArmPlan) -> [String] {
        var lines: [String] = []
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
        guard let before = armPlan(of: baseline), let after = armPlan(of: candidate) else { return [] }
        return describe(baseline: before, candidate: after)
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
