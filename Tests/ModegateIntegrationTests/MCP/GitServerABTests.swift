import Foundation
import ModegateCore
import Testing

/// The shipped A/B of an added MCP server (gates/examples/git-ab.yaml): the workspace suite's
/// file and shell tools over a real git checkout made here, the candidate also offered the
/// official git MCP server; recorded with the scripted model, then replayed.
@Suite struct GitServerABTests {
    @Test func theVerdictNamesTheAddedServerAndShowsHowTheCandidateUsedIt() async throws {
        guard TestPeers.program("mcp-server-git") != nil else { return }
        let workdir = try Workdir()
        try await workdir.makeGitFixture()
        let gate = TestPeers.repository.appendingPathComponent("gates/examples/git-ab.yaml").path

        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        #expect(run.output.contains("differs   candidate adds MCP server git"), "\(run.output.prefix(1500))")
        let records = try workdir.records()
        #expect(records["baseline"]?.count == 10 && records["candidate"]?.count == 10)
        for arm in ["baseline", "candidate"] {
            #expect(records[arm]?.allSatisfy { $0["completed"] == true && $0["reward"] == 1 } == true,
                    "\(arm): \(records[arm]?.first { $0["reward"] != 1 } ?? nil)")
        }
        // The baseline never sees the server; the candidate reaches it for the history questions
        // and keeps reading files with the workspace's tools.
        #expect(records["baseline"]?.allSatisfy { $0["mcp_tool_calls"] == 0 && $0["server_adoption"] == nil } == true)
        let fileCase = try #require(records["candidate"]?.first { $0["case_id"] == "file-added-by-commit" })
        let adoption = try #require(fileCase["server_adoption"]?["git"])
        #expect(adoption["calls"] == 2 && adoption["other_calls"] == 0 && adoption["calls_before_first"] == 0, "\(adoption.jsonText)")
        let ledgerCase = try #require(records["candidate"]?.first { $0["case_id"] == "ledger-rule" })
        #expect(ledgerCase["server_adoption"]?["git"]?["calls"] == 0 && ledgerCase["server_adoption"]?["git"]?["other_calls"] == 2,
                "\(ledgerCase["server_adoption"]?.jsonText ?? "none")")

        let verdict = try Self.verdict(workdir)
        #expect(verdict["status"] == "pass")
        #expect(verdict["arm_differences"] == ["candidate adds MCP server git"], "\(verdict["arm_differences"]?.jsonText ?? "")")
        // Both arms call tools directly on purpose: no warning that the strategies are alike.
        #expect(verdict["warnings"]?.arrayValue?.contains { $0.stringValue?.contains("are both tool_call runs") == true } == false,
                "\(verdict["warnings"]?.jsonText ?? "")")
        let git = try #require(verdict["candidate"]?["server_adoption"]?["git"], "\(verdict["candidate"]?.jsonText.prefix(1500) ?? "")")
        // 5 cases × 2 repetitions: 4 history cases use the server (1, 1, 2, 1 calls), the ledger case reads 2 files.
        #expect(git["calls"] == 10 && git["other_calls"] == 4 && git["trials_using"] == 8, "\(git.jsonText)")
        let markdown = try String(contentsOf: workdir.url.appendingPathComponent(".modegate/git-ab.md"), encoding: .utf8)
        #expect(markdown.contains("candidate adds MCP server git") && markdown.contains("git: 10 of 14 tool calls (71%) in 8 of 10 trials"),
                "\(markdown.prefix(3000))")

        // Adoption thresholds are gates like the others: judged again with them, the share
        // passes (71% ≥ 50%), trials using the server miss (80% < 90%), errors pass (0% ≤ 0%).
        var gated = try String(contentsOfFile: gate, encoding: .utf8)
        gated += "\nthresholds:\n  server_adoption:\n    git: {min_share: 0.5, min_trials_using: 0.9, max_error_rate: 0}\n"
        let adoptionGate = try workdir.write("adoption.yaml", gated)
        let judged = try await workdir.modegate(["validate", "--gate", adoptionGate, "--report", "json:.modegate/adoption.json",
                                                 "--report", "junit:.modegate/adoption.xml"])
        #expect(judged.status == 1, "\(judged.errors.suffix(1500))")
        #expect(judged.output.contains("Server share (git)") && judged.output.contains("Trials using server (git)"), "\(judged.output.prefix(2500))")
        let adoptionVerdict = try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent(".modegate/adoption.json"), encoding: .utf8))
        let gates = adoptionVerdict["gates"]?.arrayValue?.filter { $0["server"] == "git" } ?? []
        #expect(gates.map { "\($0["name"]?.stringValue ?? "") \($0["status"]?.stringValue ?? "")" }
            == ["server_share pass", "server_trials_using fail", "server_error_rate pass"], "\(gates.map(\.jsonText))")
        #expect(gates.first?["observed"]?.doubleValue.map { abs($0 - 10.0 / 14.0) < 1e-9 } == true)
        let junit = try String(contentsOf: workdir.url.appendingPathComponent(".modegate/adoption.xml"), encoding: .utf8)
        #expect(junit.contains("name=\"server_trials_using.git\""), "\(junit.prefix(2000))")

        // Replayed from its own recording: the same verdict, the same adoption figures.
        let stem = try #require(try workdir.runFolders().first?.lastPathComponent.replacingOccurrences(of: "-baseline", with: ""))
        let recorded = try Self.maskedVerdict(workdir)
        let replayed = try await workdir.modegate(["run", gate, "--replay", stem])
        #expect(replayed.status == 0, "\(replayed.errors.suffix(2000))")
        #expect(try Self.maskedVerdict(workdir) == recorded)
        // Lines are kept in the order trials finished, so compare them by case and repetition.
        func adoptionByTrial(_ trials: [JSONValue]?) -> [String: JSONValue] {
            Dictionary(uniqueKeysWithValues: (trials ?? []).map {
                ("\($0["case_id"]?.stringValue ?? "")#\($0["repetition"]?.intValue ?? -1)", $0["server_adoption"] ?? .null)
            })
        }
        #expect(adoptionByTrial(try workdir.records()["candidate"]) == adoptionByTrial(records["candidate"]))
    }

    static func verdict(_ workdir: Workdir) throws -> JSONValue {
        try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent(".modegate/git-ab-verdict.json"), encoding: .utf8))
    }

    /// The verdict with run ids and times masked (the replay runs later under other ids).
    static func maskedVerdict(_ workdir: Workdir) throws -> String { ReplayTests.masked(try verdict(workdir).jsonText) }
}
