import Foundation
import Testing

/// The RLM Code spelling, verbatim, on RLM Code summaries.
@Suite struct BenchCommandTests {
    @Test func validateJSONHasRLMCodesFieldsInOrder() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(
            ["bench", "validate", "candidate=latest", "baseline=previous", "min_reward_delta=0.00",
             "min_completion_delta=0.00", "max_steps_increase=0.50", "fail_on_completion_regression=on", "--json"],
            in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let keys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            String($0.dropFirst(3).prefix { $0 != "\"" })
        }
        #expect(keys == ["command", "candidate_id", "baseline_id", "candidate_path", "baseline_path", "candidate_metrics",
                         "baseline_metrics", "deltas", "case_summary", "gates", "passed", "exit_code", "thresholds"])
        let document = try json(result.stdout)
        #expect(document["command"] as? String == "rlm_bench_validate")
        #expect(document["candidate_id"] as? String == "bench_20261101_110000_000002")
        #expect(document["baseline_id"] as? String == "bench_20261101_100000_000001")
        #expect(document["passed"] as? Bool == true)
        let summary = document["case_summary"] as? [String: Any]
        #expect(summary?["common_cases"] as? Int == 6)
        #expect(result.stdout.contains("\"total_cases\": 6.0"))
    }

    @Test func validateExitCodeIsTheVerdict() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(
            ["bench", "validate", "candidate=bench_20261101_100000_000001", "baseline=bench_20261101_110000_000002",
             "fail_on_completion_regression=yes", "--json"], in: scratch.url)
        #expect(result.status == 1)
        let document = try json(result.stdout)
        #expect(document["exit_code"] as? Int == 1)
        #expect((document["gates"] as? [String: Bool])?["completion_regressions"] == false)
        let compare = try await ModegateBinary.run(
            ["bench", "compare", "bench_20261101_100000_000001", "bench_20261101_110000_000002", "format=json"], in: scratch.url)
        #expect(compare.status == 0, "compare reports, it does not gate")
        #expect(try json(compare.stdout)["command"] as? String == "rlm_bench_compare")
    }

    @Test func badWordsAreUsageErrors() async throws {
        let scratch = try Scratch().withExamples()
        let unknown = try await ModegateBinary.run(["bench", "validate", "min_reward_delt=0.1"], in: scratch.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'min_reward_delta'"))
        #expect(try await ModegateBinary.run(["bench", "validate", "min_reward_delta=abc"], in: scratch.url).status == 64)
        #expect(try await ModegateBinary.run(["bench", "validate", "fail_on_completion_regression=maybe"], in: scratch.url).status == 64)
        #expect(try await ModegateBinary.run(["bench", "validate", "a", "b", "c"], in: scratch.url).status == 64)
        let missing = try await ModegateBinary.run(["bench", "validate", "candidate=nope"], in: scratch.url)
        #expect(missing.status == 3)
    }

    /// RLM Code's `mcp=on` reaches the built-in suites' tools over MCP; a bench run with a gate
    /// records the gate file's SHA-256 like `run` does.
    @Test func mcpOnServesTheToolsOverMCPAndTheManifestNamesTheGate() async throws {
        let scratch = try Scratch()
        try scratch.write("version: 1\nworkload: {presets: [smoke]}\n", to: "g.yaml")
        let bench = try await ModegateBinary.run(
            ["bench", "preset=smoke", "mode=harness", "strategy=tool_call", "mcp=on", "mcp_server=codemode", "--gate", "g.yaml", "--json"],
            in: scratch.url)
        #expect(bench.status == 0, "\(bench.stderr)")
        let summary = try json(bench.stdout)
        #expect((summary["totals"] as? [String: Any])?["mcp_tool_calls"] as? Int ?? 0 > 0, "\(bench.stdout.prefix(800))")
        let runs = scratch.url.appendingPathComponent(".modegate/runs")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first)
        let manifest = try json(try String(contentsOf: runs.appendingPathComponent("\(folder)/manifest.json"), encoding: .utf8))
        #expect((manifest["gate_sha256"] as? String)?.count == 64, "\(manifest)")

        let unknown = try await ModegateBinary.run(["bench", "preset=smoke", "strategy=codemode", "mcp=on", "mcp_server=search"], in: scratch.url)
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("mcp_server=search names no server"), "\(unknown.stderr)")
    }
}
