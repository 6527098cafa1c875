import Foundation
import ModegateCore
import Testing

@Suite struct GateLoaderTests {
    @Test func fullGateResolvesEveryKey() throws {
        let path = GateFixtures.gatesFolder.appendingPathComponent("full.yaml").path
        let plan = try GateLoader.load(path: path, sha256: { _ in "digest" })
        #expect(plan == Self.expectedFullPlan(path: path))
    }

    @Test func minimalGateTakesEveryDefault() throws {
        let plan = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [smoke]}\n", path: "gates/minimal.yaml")
        #expect(plan == Self.defaultPlan(presets: ["smoke"], path: "gates/minimal.yaml"))
    }

    @Test func designExampleLoadsAsWritten() throws {
        let path = GateFixtures.gatesFolder.appendingPathComponent("design-example.yaml").path
        let plan = try GateLoader.load(path: path)
        #expect(plan.name == "codemode-promotion")
        #expect(plan.mcp.servers["codemode"]?.transport == .stdio(command: ["toolplane", "serve", "mcp", "--config", "toolplane.toml"]))
        #expect(plan.mcp.servers["search"]?.transport == .http(url: "http://127.0.0.1:8000/mcp"))
        #expect(plan.candidate.mcpServer == "codemode")
        #expect(plan.thresholds == .rlmDefaults)
        #expect(plan.judgement == .nativeDefaults)
        #expect(plan.budget == BudgetPlan(maxModelRequests: 2000, maxSeconds: 1800, maxCost: 5))
        #expect(plan.reports.map(\.format) == [.json, .markdown, .junit])
    }

    @Test func nameDefaultsToTheFileStem() throws {
        let plan = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\n", path: "gates/nightly.yaml")
        #expect(plan.name == "nightly")
        #expect(plan.sourceSHA256 == nil)
    }

    @Test func digestIsTakenOverTheFileBytes() throws {
        let yaml = "version: 1\nworkload: {presets: [a]}\n"
        let plan = try GateLoader.load(yaml: yaml, path: "g.yaml", sha256: { "\($0.count) bytes" })
        #expect(plan.sourceSHA256 == "\(yaml.utf8.count) bytes")
    }

    @Test func missingFileIsADiagnosticWithoutPosition() {
        let error = #expect(throws: DiagnosticsError.self) {
            try GateLoader.load(path: "/nonexistent/gate.yaml")
        }
        #expect(error?.description == "/nonexistent/gate.yaml: error: cannot read the gate file: no such file")
        #expect(error?.diagnostics.first?.line == 0)
    }

    @Test func aDirectoryIsNotAGateFile() {
        let error = #expect(throws: DiagnosticsError.self) {
            try GateLoader.load(path: GateFixtures.gatesFolder.path)
        }
        #expect(error?.diagnostics.first?.message == "cannot read the gate file: it is a directory")
    }

    @Test func planEncodesWithSnakeCaseKeys() throws {
        let plan = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\n", path: "g.yaml")
        let json = try StableJSON.string(plan)
        for key in ["source_path", "arm_order", "max_steps", "memory_mb", "bootstrap_resamples", "max_model_requests"] {
            #expect(json.contains("\"\(key)\""), "missing \(key)")
        }
        #expect(try StableJSON.decoder().decode(GatePlan.self, from: Data(json.utf8)) == plan)
    }

    @Test func environmentReferencesAreNeverExpanded() throws {
        let yaml = """
            version: 1
            workload: {presets: ["$HOME"]}
            mcp: {servers: {s: {command: [run, "${PATH}"], env: {TOKEN: "$SECRET"}}}}
            """
        let plan = try GateLoader.load(yaml: yaml, path: "g.yaml")
        #expect(plan.workload.presets == ["$HOME"])
        #expect(plan.mcp.servers["s"]?.command == ["run", "${PATH}"])
        #expect(plan.mcp.servers["s"]?.env == ["TOKEN": "$SECRET"])
    }

    @Test(arguments: ["on", "yes", "true", "True", "YES"])
    func yamlTruthyWordsAreBooleans(word: String) throws {
        let plan = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\nmcp: {enabled: \(word)}\n", path: "g.yaml")
        #expect(plan.mcp.enabled)
    }
}
