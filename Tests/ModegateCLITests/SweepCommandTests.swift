import Foundation
import Testing

/// `modegate sweep` through the binary on the scripted model: the candidate costs more tokens at
/// 1x1 and fewer at 10x10, with the crossover between; bad shapes and gates exit 3. Shapes stop at
/// 10x10 and cases at 3: 20x50 costs a debug build half a minute of both cores, which starves the
/// suite's timing-bound tests running beside it (the note gives the default sweep's figures).
@Suite(.serialized) struct SweepCommandTests {
    static let gate = ModegateBinary.repository.appendingPathComponent("gates/codemode.yaml").path

    @Test func theDefaultSweepShowsTheFanOutCrossover() async throws {
        let scratch = try Scratch()
        let result = try await ModegateBinary.run(
            ["sweep", Self.gate, "--shapes", "1x1,5x5,10x10", "--cases", "3", "--json", "--report", "html:sweep.html"], in: scratch.url, timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let sweep = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(sweep["schema_version"] as? Int == 1)
        #expect(sweep["shapes"] as? [String] == ["1x1", "5x5", "10x10"])
        let skipped = (sweep["skipped_presets"] as? [[String: Any]] ?? []).compactMap { $0["preset"] as? String }
        #expect(skipped == ["smoke", "ledger_workflows", "function_probe", "code_navigation"])
        #expect(result.stderr.contains("not swept: preset 'smoke' is not parametric"))
        let presets = sweep["presets"] as? [[String: Any]] ?? []
        #expect(presets.compactMap { $0["preset"] as? String } == ["repo_triage", "dynamic_web_filtering"])
        for preset in presets {
            let name = preset["preset"] as? String ?? "?"
            let points = preset["points"] as? [[String: Any]] ?? []
            #expect(points.count == 3)
            func tokenRatio(_ point: [String: Any]) -> Double? {
                let figures = point["figures"] as? [[String: Any]] ?? []
                let tokens = figures.first { $0["metric"] as? String == "tokens" }
                return (tokens?["comparison"] as? [String: Any])?["value"] as? Double
            }
            let first = try #require(points.first.flatMap(tokenRatio))
            let last = try #require(points.last.flatMap(tokenRatio))
            #expect(last < 1, "\(name): at 10x10 the candidate should use fewer tokens, ratio \(last)")
            let crossovers = preset["crossovers"] as? [[String: Any]] ?? []
            let tokens = try #require(crossovers.first { $0["metric"] as? String == "tokens" })
            #expect(tokens["pays_from"] is String, "\(name): the candidate should be shown to pay at 10x10")
            if name == "repo_triage" {
                // Triage's tool schemas are smaller than Code Mode's declarations: at 1x1 the candidate costs more.
                #expect(first > 1, "\(name): at 1x1 the candidate should use more tokens, ratio \(first)")
                #expect(tokens["status"] as? String == "crosses", "\(name)")
                let estimate = try #require(tokens["estimate"] as? Double)
                #expect(estimate > 1 && estimate < 1000, "\(name): crossover at \(estimate)")
                #expect(tokens["interval"] is [String: Any], "\(name)")
            }
            for point in points {
                let figures = point["figures"] as? [[String: Any]] ?? []
                let reward = figures.first { $0["metric"] as? String == "reward" }
                for arm in ["baseline", "candidate"] {
                    #expect((reward?[arm] as? [String: Any])?["value"] as? Double == 1, "\(name) \(point["shape"] ?? ""): \(arm) reward")
                }
            }
        }
        let id = try #require(sweep["id"] as? String)
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(".modegate/sweeps/\(id)/sweep.json").path))
        // The shapes' runs stay in the sweep's folder, so `latest` still names the gate's own runs.
        let runs = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent(".modegate/sweeps/\(id)/runs").path)
        #expect(runs.count == 6)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(".modegate/runs").path))
        let page = try String(contentsOf: scratch.url.appendingPathComponent("sweep.html"), encoding: .utf8)
        #expect(page.contains(#"class="crossover-mark""#))
        #expect(result.stderr.contains("sweep 3/3: 10x10"))
        #expect((sweep["warnings"] as? [String])?.isEmpty == true, "the default gate's program budget covers 10x10")

        let table = try await ModegateBinary.run(["sweep", Self.gate, "--shapes", "1x1,10x10", "--cases", "2", "--preset", "repo_triage"], in: scratch.url, timeout: 300)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("repo_triage:") && table.stdout.contains("crossover (tokens):"))
        #expect(!table.stdout.contains("dynamic_web_filtering:"))
    }

    @Test(arguments: [
        (["--shapes", "5by5"], "'5by5' is not a shape"),
        (["--shapes", "0x5"], "at least 1"),
        (["--shapes", "200x5"], "beyond what preset 'repo_triage' can generate"),
        (["--shapes", "60x1"], "beyond what preset 'dynamic_web_filtering' can generate"),
        (["--preset", "smoke"], "--preset smoke: preset 'smoke' is not parametric"),
        (["--preset", "nosuch"], "the gate has no preset 'nosuch'"),
    ])
    func badInputExitsThreeNamingTheFix(arguments: [String], message: String) async throws {
        let scratch = try Scratch()
        let result = try await ModegateBinary.run(["sweep", Self.gate] + arguments, in: scratch.url)
        #expect(result.status == 3, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aShapeBeyondTheProgramsToolCallLimitIsWarnedOf() async throws {
        let scratch = try Scratch()
        let gate = scratch.url.appendingPathComponent("tight.yaml")
        let text = try String(contentsOfFile: Self.gate, encoding: .utf8)
            .replacingOccurrences(of: "max_tool_calls: 2000", with: "max_tool_calls: 10")
        try text.write(to: gate, atomically: true, encoding: .utf8)
        // 5x5 makes 5 + 25 calls a trial: a cheaper failure there is not a crossover.
        let result = try await ModegateBinary.run(
            ["sweep", gate.path, "--shapes", "1x1,5x5", "--cases", "2", "--preset", "repo_triage", "--json"], in: scratch.url, timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let sweep = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let warnings = sweep["warnings"] as? [String] ?? []
        #expect(warnings.count == 1 && warnings[0].contains("5x5") && warnings[0].contains("max_tool_calls (10)"), "\(warnings)")
    }

    @Test func aGateWithoutParametricPresetsIsRefused() async throws {
        let scratch = try Scratch()
        let gate = scratch.url.appendingPathComponent("smoke.yaml")
        let text = try String(contentsOfFile: Self.gate, encoding: .utf8)
            .replacingOccurrences(of: "presets: [smoke, repo_triage, dynamic_web_filtering, ledger_workflows, function_probe, code_navigation]",
                                  with: "presets: [smoke]")
        try text.write(to: gate, atomically: true, encoding: .utf8)
        let result = try await ModegateBinary.run(["sweep", gate.path], in: scratch.url)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("the gate has no parametric preset to sweep (smoke)"), "\(result.stderr)")
    }
}
