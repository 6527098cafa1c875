import Foundation
import ModegateCore
import Testing

/// BFCL's multi-turn tasks, imported from the bfcl-eval package installed in the test
/// environment and run through the binary against the server the import writes (BFCL's own
/// backends and checkers): the ground-truth references solve every task in both arms, a wrong
/// call fails its turn with BFCL's own reason, and a case sees only its task's functions.
@Suite(.serialized) struct BFCLImportTests {
    /// Imports `category` into a fresh folder; the gate's path.
    private func imported(_ category: String, limit: Int? = nil, in workdir: Workdir, python: String) async throws -> String {
        var arguments = ["import", "bfcl", category, "--out", "bfcl", "--python", python]
        if let limit { arguments += ["--limit", "\(limit)"] }
        let result = try await workdir.modegate(arguments)
        #expect(result.status == 0, "\(result.errors)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first task of multi_turn_base imported, with `text` in its preset replaced (it must be
    /// there); the gate's path.
    private func importedFirstTask(replacing text: String, with replacement: String, in workdir: Workdir, python: String) async throws -> String {
        let gate = try await imported("multi_turn_base", limit: 1, in: workdir, python: python)
        let preset = workdir.url.appendingPathComponent("bfcl/presets/bfcl_multi_turn_base.yaml")
        let written = try String(contentsOf: preset, encoding: .utf8)
        #expect(written.contains(text))
        try written.replacingOccurrences(of: text, with: replacement).write(to: preset, atomically: true, encoding: .utf8)
        return gate
    }

    /// Every trial of both arms: completed, reward 1, every turn checked by BFCL and valid.
    private func expectSolved(_ workdir: Workdir, tasks: Int, _ label: String) throws {
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == tasks, "\(label) \(arm)")
            for trial in trials {
                #expect(trial["reward"] == 1 && trial["completed"] == true,
                        "\(label) \(arm) \(trial["case_id"]?.stringValue ?? ""): \(trial["error"]?.jsonText ?? "") \(trial["turns"]?.jsonText.prefix(1500) ?? "")")
                for turn in trial["turns"]?.arrayValue ?? [] where turn["score_detail"]?["checked"] == true {
                    #expect(turn["score_detail"]?["valid"] == true, "\(label) \(arm): \(turn.jsonText.prefix(800))")
                }
            }
        }
    }

    @Test func everyMultiTurnBaseTaskIsSolvedInBothArms() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let gate = try await imported("multi_turn_base", in: workdir, python: python)
        // Four trials at a time on one server: each names itself in its calls' _meta and gets
        // backends of its own, so no state leaks between tasks, and the gate says so.
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        #expect(!run.errors.contains("set up state on their MCP server"), "\(run.errors.suffix(800))")
        try expectSolved(workdir, tasks: 200, "multi_turn_base")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            // A single-turn case's record has no turns list: it is one turn.
            let turns = trials.map { $0["turns"]?.arrayValue?.count ?? 1 }.reduce(0, +)
            #expect(turns == 734, "\(arm): BFCL's 200 base tasks have 734 turns")
            // The server's calls are the arm's own; the harness's load and check calls are not counted.
            let calls = trials.compactMap { $0["server_adoption"]?["bfcl"]?["calls"]?.intValue }.reduce(0, +)
            #expect(calls == 1142, "\(arm): the ground truth has 1142 calls")
        }
        // A case offers only its task's functions: the first task's classes are the file system
        // and Twitter, so no trading or travel function reaches the model.
        let transcripts = try workdir.transcripts()
        let first = try #require(transcripts["baseline"]?.first { $0["case_id"] == "multi_turn_base_0" })
        let offered = Set((first["exchanges"]?.arrayValue ?? []).flatMap { $0["request"]?["tools"]?.arrayValue ?? [] }
            .compactMap { $0["name"]?.stringValue })
        #expect(offered.contains("mv") && offered.contains("post_tweet") && offered.count == 31, "\(offered.sorted())")
        #expect(!offered.contains("place_order") && !offered.contains("bfcl_check") && !offered.contains("bfcl_load"))
        let verdict = try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent(".modegate/bfcl-multi_turn_base-verdict.json"), encoding: .utf8))
        #expect(verdict["status"] == "pass", "\(verdict.jsonText.prefix(600))")
    }

    @Test(arguments: ["multi_turn_miss_func", "multi_turn_miss_param", "multi_turn_long_context"])
    func everyTaskOfTheOtherMultiTurnCategoriesIsSolvedInBothArms(category: String) async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let gate = try await imported(category, in: workdir, python: python)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(category): \(run.errors.suffix(2000))")
        try expectSolved(workdir, tasks: 200, category)
    }

    @Test func aWrongCallFailsItsTurnWithBFCLsReason() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let gate = try await importedFirstTask(
            replacing: #"await tools.mkdir({"dir_name":"temp"});"#, with: #"await tools.mkdir({"dir_name":"tmp"});"#, in: workdir, python: python)
        let run = try await workdir.modegate(["run", gate])
        // Both arms play the same wrong call, so the gate, which compares them, passes.
        #expect(run.status == 0, "\(run.errors.suffix(1500))")
        for (arm, trials) in try workdir.records() {
            let turns = try #require(trials.first?["turns"]?.arrayValue, "\(arm)")
            #expect(turns.first?["reward"] == 0, "\(arm): \(turns.first?.jsonText ?? "")")
            #expect(turns.first?["score_detail"]?["error_type"] == "multi_turn:instance_state_mismatch", "\(arm)")
            #expect(trials.first?["completed"] == true, "\(arm): the model answered every turn; the checker failed it")
        }
    }

    @Test func anUnknownCategoryOrAMissingPackageIsExit3WithTheFix() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let unknown = try await workdir.modegate(["import", "bfcl", "simple_python", "--out", "x", "--python", python])
        #expect(unknown.status == 3)
        #expect(unknown.errors.contains("'simple_python' is not a multi-turn category of bfcl-eval 2026.3.23")
                && unknown.errors.contains("multi_turn_base, multi_turn_long_context, multi_turn_miss_func, multi_turn_miss_param"),
                "\(unknown.errors)")
        // A Python without the package: the system's, in a venv of its own made here.
        let bare = workdir.url.appendingPathComponent("bare")
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        made.arguments = ["-m", "venv", "--without-pip", bare.path]
        try made.run()
        made.waitUntilExit()
        let missing = try await workdir.modegate(["import", "bfcl", "multi_turn_base", "--out", "y", "--python", bare.appendingPathComponent("bin/python").path])
        #expect(missing.status == 3)
        #expect(missing.errors.contains("cannot import bfcl-eval") && missing.errors.contains("pip install --no-deps bfcl-eval==2026.3.23"),
                "\(missing.errors)")
        let noPython = try await workdir.modegate(["import", "bfcl", "multi_turn_base", "--python", "no-such-python-here"])
        #expect(noPython.status == 3 && noPython.errors.contains("no-such-python-here is not on PATH"), "\(noPython.errors)")
    }

    @Test func aCaseNamingAToolItsServerLacksStopsTheRunBeforeAnyTrial() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let gate = try await importedFirstTask(
            replacing: #"tools: ["authenticate_twitter", "#, with: #"tools: ["authenticate_twitterr", "#, in: workdir, python: python)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 4, "\(run.errors)")
        #expect(run.errors.contains("case 'multi_turn_base_0' of preset 'bfcl_multi_turn_base' lists tools that suite 'bfcl' does not offer: authenticate_twitterr"),
                "\(run.errors)")
    }
}
