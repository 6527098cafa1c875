import Foundation
@testable import ModegateCore
import Testing

/// The preset an imported BFCL category becomes, without Python: what the export says is what
/// the loader reads back (prompts and arguments with every awkward character intact), each
/// case offers its task's functions, sets up its task and checks every turn on the server.
@Suite struct BFCLPresetWriterTests {
    static let export = BFCLExport(
        category: "multi_turn_test", package: "bfcl-eval", version: "0.0.0", maxSteps: 20,
        tasks: [.init(
            id: "multi_turn_test_0", classes: ["GorillaFileSystem"], tools: ["cd", "mv"],
            turns: [
                .init(prompt: "Move 'a: b.txt' into \"temp\" # now\n(second line)", calls: [
                    .init(name: "cd", arguments: ["folder": "document"]),
                    .init(name: "mv", arguments: ["source": "a: b.txt", "destination": "temp", "overwrite": true, "size": 2.5]),
                ]),
                .init(prompt: "Which file?", calls: []),
            ],
            heldOut: [:])])

    @Test func thePresetLoadsBackAsTheExportSaysIt() throws {
        let writer = BFCLPresetWriter(export: Self.export)
        let preset = try PresetLoader.load(yaml: writer.preset(), path: "bfcl_multi_turn_test.yaml")
        #expect(preset.name == "bfcl_multi_turn_test" && preset.suite == .mcp("bfcl"))
        let testCase = try #require(preset.cases.first)
        #expect(testCase.id == "multi_turn_test_0")
        #expect(testCase.prompt == "Move 'a: b.txt' into \"temp\" # now\n(second line)")
        #expect(testCase.tools == ["cd", "mv"])
        #expect(testCase.setup == CaseSetup(tool: "bfcl_load", arguments: ["task": "multi_turn_test_0"]))
        #expect(testCase.answerSchema == ["type": "string"])
        #expect(testCase.scorer == .mcp(tool: "bfcl_check", arguments: [:]))
        #expect(testCase.reference == """
            await tools.cd({"folder":"document"});
            await tools.mv({"destination":"temp","overwrite":true,"size":2.5,"source":"a: b.txt"});
            return "Done.";
            """)
        let turn = try #require(testCase.turns?.first)
        #expect(testCase.turns?.count == 1 && turn.prompt == "Which file?")
        #expect(turn.scorer == .mcp(tool: "bfcl_check", arguments: [:]))
        // A turn whose ground truth calls nothing answers without a call.
        #expect(turn.reference == #"return "I cannot do that with the functions and details I have.";"#)
        #expect(testCase.harnessTools == ["bfcl_load", "bfcl_check"])
    }

    @Test func theGateLoadsAndRunsTheServerWithTheGivenPython() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bfcl-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("presets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = BFCLPresetWriter(export: Self.export)
        try writer.preset().write(to: folder.appendingPathComponent("presets/bfcl_multi_turn_test.yaml"), atomically: true, encoding: .utf8)
        let text = writer.gate(python: "/opt/py env/bin/python", script: "/tmp/x/bfcl_server.py")
        let plan = try GateLoader.load(yaml: text, path: folder.appendingPathComponent("bfcl-multi_turn_test.yaml").path)
        let server = try #require(plan.mcp.servers["bfcl"])
        #expect(server.command == ["/opt/py env/bin/python", "/tmp/x/bfcl_server.py", "serve", "multi_turn_test"])
        #expect(server.perTrialState == true)
        #expect(plan.baseline.maxSteps == 20 && plan.candidate.maxSteps == 20)
        #expect(plan.workload.presets == ["bfcl_multi_turn_test"])
    }

    @Test func aTurnLongerThanBFCLsStepLimitRaisesTheGatesLimit() {
        var export = Self.export
        export.tasks[0] = .init(
            id: "long", classes: ["GorillaFileSystem"], tools: ["rm"],
            turns: [.init(prompt: "Remove them all.", calls: (0..<34).map { .init(name: "rm", arguments: ["file_name": .string("f\($0)")]) })],
            heldOut: [:])
        let writer = BFCLPresetWriter(export: export)
        #expect(writer.maxSteps == 35)
        #expect(writer.gate(python: "/p", script: "/s").contains("max_steps: 35        # BFCL's step limit is 20 a turn; its longest ground-truth turn here has 34 calls"))
        #expect(BFCLPresetWriter(export: Self.export).maxSteps == 20)
    }
}
