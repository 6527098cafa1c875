import Foundation
import Testing
@testable import ModegateCore

/// An arm's own instructions (`instructions`, `instructions_file`) and how the two arms' settings
/// are told apart (`ArmDifferences`).
@Suite struct ArmInstructionsTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-instructions-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url.appendingPathComponent("prompts"), withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func gate(_ yaml: String) throws -> String {
            let path = url.appendingPathComponent("g.yaml").path
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    static func diagnostics(_ path: String) -> [Diagnostic] {
        do {
            _ = try GateLoader.load(path: path)
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    @Test func aFilesTextIsWhatThePlanHoldsAndInlineTextStaysAsWritten() throws {
        let folder = try Folder()
        try "Prefer the git tools.\n".write(to: folder.url.appendingPathComponent("prompts/candidate.md"), atomically: true, encoding: .utf8)
        let plan = try GateLoader.load(path: try folder.gate("""
            version: 1
            workload: {presets: [smoke]}
            baseline: {instructions: "Use the shell tools."}
            candidate: {instructions_file: prompts/candidate.md}
            """))
        #expect(plan.baseline.instructions == "Use the shell tools.")
        #expect(plan.baseline.instructionsFile == nil)
        #expect(plan.candidate.instructions == "Prefer the git tools.")
        #expect(plan.candidate.instructionsFile == "prompts/candidate.md")
        let unset = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [smoke]}\n", path: "g.yaml")
        #expect(unset.baseline.instructions == nil && unset.candidate.instructions == nil)
    }

    @Test func bothKeysOrAFileThatIsNotThereAreNamedAtTheKey() throws {
        let folder = try Folder()
        let path = try folder.gate("""
            version: 1
            workload: {presets: [smoke]}
            candidate:
              instructions: "Inline."
              instructions_file: prompts/missing.md
            """)
        let found = Self.diagnostics(path)
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.line == 5 && $0.keyPath == "candidate.instructions_file" })
        #expect(found.contains { $0.message.contains("candidate sets both instructions and instructions_file; keep one") })
        #expect(found.contains {
            $0.message.contains("instructions_file 'prompts/missing.md' cannot be read (looked for \(folder.url.standardizedFileURL.path)/prompts/missing.md")
        })
    }

    @Test func addedServersMustBeEnabledServersOfTheGate() throws {
        let folder = try Folder()
        let found = Self.diagnostics(try folder.gate("""
            version: 1
            workload: {presets: [smoke]}
            mcp:
              servers:
                git: {command: [mcp-server-git]}
            candidate: {mcp_servers: [git, gti]}
            """))
        #expect(found.contains { $0.keyPath == "candidate.mcp_servers" && $0.message.contains("mcp.enabled is false; set mcp: {enabled: true}") }, "\(found)")
        #expect(found.contains { $0.keyPath == "candidate.mcp_servers[1]" && $0.message.contains("MCP server 'gti' is not defined; mcp.servers defines git (did you mean 'git'?)") }, "\(found)")
        #expect(found.count == 2)
        let plan = try GateLoader.load(path: try folder.gate("""
            version: 1
            workload: {presets: [smoke]}
            mcp: {enabled: true, servers: {git: {command: [mcp-server-git]}}}
            candidate: {mcp_servers: [git]}
            """))
        #expect(plan.candidate.mcpServers == ["git"] && plan.baseline.mcpServers.isEmpty)
        var baseline = plan.candidate
        baseline.mcpServers = []
        #expect(ArmDifferences.describe(baseline: baseline, candidate: plan.candidate) == ["candidate adds MCP server git"])
        #expect(ArmDifferences.describe(baseline: plan.candidate, candidate: baseline) == ["candidate drops MCP server git"])
    }

    @Test func theDifferencesAreThoseThatMatterToTheArmsStrategies() throws {
        let plan = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [smoke]}\n", path: "g.yaml")
        let baseline = plan.baseline
        var candidate = plan.candidate
        #expect(ArmDifferences.describe(baseline: baseline, candidate: candidate) == ["strategy tool_call → codemode", "max_steps 24 → 6"])
        candidate.instructions = "Prefer run_code."
        candidate.limits.memoryMB = 512  // Code Mode's own: not a difference from a tool-calling baseline
        #expect(ArmDifferences.describe(baseline: baseline, candidate: candidate).last == "candidate adds instructions (16 characters)")
        #expect(ArmDifferences.describe(baseline: baseline, candidate: candidate).count == 3)

        var codemode = candidate
        codemode.limits.memoryMB = 256
        codemode.discovery = false
        codemode.instructions = nil
        #expect(ArmDifferences.describe(baseline: codemode, candidate: candidate)
            == ["discovery off → on", "sandbox limits differ", "candidate adds instructions (16 characters)"])
        #expect(ArmDifferences.describe(baseline: candidate, candidate: codemode).last == "candidate drops the baseline's instructions (16 characters)")
        #expect(ArmDifferences.describe(baseline: candidate, candidate: candidate).isEmpty)
    }
}
