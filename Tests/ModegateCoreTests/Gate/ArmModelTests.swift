import Foundation
import Testing
@testable import ModegateCore

/// An arm's own model (`baseline.model`, `candidate.model`): resolved over the shared one when
/// the gate loads, checked like it, and named among the arms' differences.
@Suite struct ArmModelTests {
    static func diagnostics(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try GateLoader.load(yaml: yaml, path: "g.yaml")
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    @Test func theKeysAnArmSetsReplaceTheSharedOnesAndTheRestStayShared() throws {
        let plan = try GateLoader.load(yaml: """
            version: 1
            workload: {presets: [smoke]}
            model:
              provider: openai
              name: gpt-4.1
              base_url: "http://127.0.0.1:9/v1"
              temperature: 0.2
              pricing: {input_per_million: 2, output_per_million: 8}
            candidate:
              model: {name: gpt-4.1-mini, pricing: {input_per_million: 0.4, output_per_million: 1.6}}
            """, path: "g.yaml")
        #expect(plan.baseline.model == nil)
        #expect(plan.model(for: .baseline) == plan.model)
        let candidate = try #require(plan.candidate.model)
        #expect(plan.model(for: .candidate) == candidate)
        #expect(candidate.name == "gpt-4.1-mini" && candidate.provider == .openai && candidate.temperature == 0.2)
        #expect(candidate.baseURL == "http://127.0.0.1:9/v1")
        #expect(candidate.pricing == ModelPlan.Pricing(inputPerMillion: 0.4, outputPerMillion: 1.6, currency: "USD"))
        #expect(ArmDifferences.describe(baseline: plan.baseline, candidate: plan.candidate, shared: plan.model)
            == ["model name gpt-4.1 → gpt-4.1-mini", "model pricing differs", "strategy tool_call → codemode", "max_steps 24 → 6"])
        // The plan a manifest stores holds the resolved model, and reads back the same.
        let stored = try StableJSON.decoder().decode(GatePlan.self, from: StableJSON.data(plan, pretty: false))
        #expect(stored.candidate.model == candidate)
    }

    @Test func eachArmMayNameItsOwnModelWithNoneShared() throws {
        let plan = try GateLoader.load(yaml: """
            version: 1
            workload: {presets: [smoke]}
            model: {provider: anthropic, api_key_env: MODEL_KEY}
            baseline: {model: {name: claude-a}}
            candidate: {model: {name: claude-b, temperature: 1}}
            """, path: "g.yaml")
        #expect(plan.models.map(\.name) == ["claude-a", "claude-b"])
        #expect(plan.models.allSatisfy { $0.provider == .anthropic && $0.apiKeyEnv == "MODEL_KEY" })
        #expect(ArmDifferences.describe(baseline: plan.baseline, candidate: plan.candidate, shared: plan.model).prefix(2)
            == ["model name claude-a → claude-b", "model temperature 0 → 1"])
    }

    @Test func anArmsModelIsCheckedLikeTheSharedOneAtItsOwnKey() {
        // The candidate switches to a live provider but names no model.
        let unnamed = Self.diagnostics("""
            version: 1
            workload: {presets: [smoke]}
            candidate:
              model: {provider: openai}
            """)
        #expect(unnamed.count == 1 && unnamed.first?.line == 4 && unnamed.first?.keyPath == "candidate.model.name", "\(unnamed)")
        #expect(unnamed.first?.message.contains("provider 'openai' needs 'name'") == true, "\(unnamed)")
        // The shared model lacks a name only one arm supplies: the other arm plays it unnamed.
        let shared = Self.diagnostics("""
            version: 1
            workload: {presets: [smoke]}
            model: {provider: openai}
            candidate: {model: {name: gpt-4.1}}
            """)
        #expect(shared.count == 1 && shared.first?.keyPath == "model.name", "\(shared)")
        // Replays play both arms: an arm cannot replay alone.
        let replay = Self.diagnostics("""
            version: 1
            workload: {presets: [smoke]}
            candidate: {model: {provider: replay, cassette: x}}
            """)
        #expect(replay.count == 2 && replay.allSatisfy { $0.line == 3 }, "\(replay)")
        #expect(replay.contains { $0.keyPath == "candidate.model.cassette" }, "\(replay)")
    }

    @Test func storedRunsAreToldApartByTheModelsTheirArmsPlayed() throws {
        let plan = try GateLoader.load(yaml: """
            version: 1
            workload: {presets: [smoke]}
            model: {provider: openai, name: gpt-4.1, base_url: "http://127.0.0.1:9/v1"}
            baseline: {model: {max_output_tokens: 1024}}
            """, path: "g.yaml")
        #expect(ArmDifferences.models(plan.model(for: .baseline), plan.model(for: .candidate)) == ["model max_output_tokens 1024 → 2048"])
        #expect(ArmDifferences.models(plan.model, plan.model).isEmpty)
    }
}

/// `thresholds.server_adoption`: gates on a server the gate defines.
@Suite struct AdoptionThresholdRuleTests {
    @Test func anAdoptionGateNamesADefinedServer() throws {
        let found = ArmModelTests.diagnostics("""
            version: 1
            workload: {presets: [smoke]}
            mcp: {enabled: true, servers: {git: {command: [git-server]}}}
            candidate: {mcp_servers: [git]}
            thresholds:
              server_adoption:
                gti: {min_share: 0.2}
            """)
        #expect(found.count == 1 && found.first?.line == 7 && found.first?.keyPath == "thresholds.server_adoption.gti", "\(found)")
        #expect(found.first?.message.contains("git") == true, "\(found)")
        let plan = try GateLoader.load(yaml: """
            version: 1
            workload: {presets: [smoke]}
            mcp: {enabled: true, servers: {git: {command: [git-server]}}}
            thresholds: {server_adoption: {git: {min_share: 0.2, max_error_rate: 0.1}}}
            """, path: "g.yaml")
        #expect(plan.thresholds.serverAdoption == ["git": ServerAdoptionThresholds(minShare: 0.2, maxErrorRate: 0.1)])
    }
}
