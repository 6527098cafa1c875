import Foundation
import Testing

/// `modegate import otel` from the binary, on traces made by the real OpenTelemetry SDK
/// (Fixtures/otel_traces.py, exported as the Collector's file exporter writes): both arms
/// imported, then judged, explained, decided and reported like native runs; a broken or partial
/// trace is refused at its file and line with exit 3 and the store untouched.
@Suite struct ImportOTelCommandTests {
    /// Traces of both arms (3 cases × 2 repetitions) in `scratch`, from the SDK; nil (with an
    /// issue recorded) without the test Python.
    static func traces(in scratch: Scratch) async throws -> Bool {
        guard let python = ProcessInfo.processInfo.environment["MODEGATE_PYTHON"] else {
            Issue.record("MODEGATE_PYTHON is not set: run the suite with `make test`, which installs opentelemetry-sdk")
            return false
        }
        let script = ModegateBinary.repository.appendingPathComponent("Tests/ModegateCLITests/Fixtures/otel_traces.py").path
        let made = try await ModegateBinary.run([script, "traces"], in: scratch.url, executable: python)
        #expect(made.status == 0, "otel_traces.py: \(made.stderr)")
        return made.status == 0
    }

    static let baseline = ["import", "otel", "traces/baseline-1.jsonl", "traces/baseline-2.jsonl", "--scores", "traces/baseline-scores.jsonl",
                           "--arm", "baseline", "--name", "agent"]
    static let candidate = ["import", "otel", "traces/candidate.jsonl", "--arm", "candidate", "--name", "agent"]

    @Test func bothArmsAreImportedAndJudgedLikeNativeRuns() async throws {
        let scratch = try Scratch()
        guard try await Self.traces(in: scratch) else { return }
        let base = try await ModegateBinary.run(Self.baseline, in: scratch.url)
        #expect(base.status == 0, "\(base.stderr)")
        #expect(base.stdout == "agent-baseline\n")
        #expect(base.stderr.contains("imported 6 trials (3 cases × up to 2 repetitions, tool_call) into .modegate/runs/agent-baseline"), "\(base.stderr)")
        let cand = try await ModegateBinary.run(Self.candidate, in: scratch.url)
        #expect(cand.status == 0, "\(cand.stderr)")
        #expect(cand.stdout == "agent-candidate\n")

        // The default references pair them: the newest run, and its own baseline.
        let validate = try await ModegateBinary.run(["validate", "--json"], in: scratch.url)
        #expect(validate.status == 0, "\(validate.stderr)")
        let verdict = try json(validate.stdout)
        #expect((verdict["candidate"] as? [String: Any])?["id"] as? String == "agent-candidate")
        #expect((verdict["baseline"] as? [String: Any])?["id"] as? String == "agent-baseline")
        let coverage = try #require(verdict["coverage"] as? [String: Any])
        #expect(coverage["paired_trials"] as? Int == 6, "\(coverage)")
        func metrics(_ arm: String) -> [String: Any] { ((verdict[arm] as? [String: Any])?["metrics"] as? [String: Any]) ?? [:] }
        #expect(abs((metrics("baseline")["avg_reward"] as? Double ?? -1) - 5.0 / 6) < 1e-9)
        #expect(metrics("candidate")["avg_reward"] as? Double == 1)
        #expect(metrics("baseline")["avg_steps"] as? Double == 3 && metrics("candidate")["avg_steps"] as? Double == 2)
        #expect(metrics("baseline")["mean_tokens"] as? Double == 540 && metrics("candidate")["mean_tokens"] as? Double == 495)
        #expect(metrics("baseline")["completed_cases"] as? Int == 5)
        let adoption = try #require((verdict["candidate"] as? [String: Any])?["server_adoption"] as? [String: [String: Any]])
        #expect(adoption["docs"]?["calls"] as? Int == 12 && adoption["search"]?["calls"] as? Int == 6)
        #expect(adoption["docs"]?["trials_using"] as? Int == 6)
        let baselineAdoption = try #require((verdict["baseline"] as? [String: Any])?["server_adoption"] as? [String: [String: Any]])
        #expect(baselineAdoption["docs"]?["error_calls"] as? Int == 1)
        let codeAdoption = try #require((verdict["candidate"] as? [String: Any])?["adoption"] as? [String: Any])
        #expect(codeAdoption["run_code_calls"] as? Int == 6 && codeAdoption["trials_without_code"] as? Int == 0)

        let compare = try await ModegateBinary.run(["compare", "--report", "html:report.html"], in: scratch.url)
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("coverage  3 paired cases, 6 paired trials"), "\(compare.stdout)")
        #expect(compare.stdout.contains("Prompt tokens             450.0         420.0"), "\(compare.stdout)")
        #expect(compare.stdout.contains("Cost                      not recorded  not recorded"), "\(compare.stdout)")
        #expect(compare.stdout.contains("candidate: docs: 12 of 18 tool calls (67%) in 6 of 6 trials"), "\(compare.stdout)")
        let html = try scratch.read("report.html")
        #expect(html.contains("agent-candidate") && html.contains("MCP server adoption"))

        let explain = try await ModegateBinary.run(["explain"], in: scratch.url)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("otel/c3  reward +0.500, completion +50.0% over 2 paired repetitions"), "\(explain.stdout)")
        #expect(explain.stdout.contains("first failed call (baseline): call 3 fetch({\"q\":\"c3-1-3\"}) → error: fetch failed: 503 from upstream"), "\(explain.stdout)")

        let decision = try await ModegateBinary.run(["decision", "--owner", "release-owner", "--output", "decision.md"], in: scratch.url)
        #expect(decision.status == 0, "\(decision.stderr)")
        let document = try scratch.read("decision.md")
        #expect(document.contains("| Run | agent-baseline | agent-candidate |") && document.contains("Decision: **promote**"), "\(document)")

        let verify = try await ModegateBinary.run(["verify"], in: scratch.url)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("agent-baseline: ok") && verify.stdout.contains("6 transcripts match their results (model requests, tool calls, tokens, latency)"), "\(verify.stdout)")

        // One name, one run: a second import under it is refused and changes nothing.
        let again = try await ModegateBinary.run(Self.candidate, in: scratch.url)
        #expect(again.status == 3 && again.stderr.contains("run agent-candidate is already stored"), "\(again.stderr)")
    }

    @Test func aBrokenOrPartialTraceIsRefusedAtItsLineAndNothingIsStored() async throws {
        let scratch = try Scratch()
        guard try await Self.traces(in: scratch) else { return }
        let runs = scratch.url.appendingPathComponent(".modegate/runs")
        #expect(try await ModegateBinary.run(Self.baseline, in: scratch.url).status == 0)
        func stored() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).sorted() }

        // A trace without its invoke_agent span (line 7, exported last, after its children).
        var first = try scratch.read("traces/baseline-1.jsonl").split(separator: "\n").map(String.init)
        #expect(first[6].contains("invoke_agent support-agent"))
        first.remove(at: 6)
        try scratch.write(first.joined(separator: "\n") + "\n", to: "traces/partial.jsonl")
        let partial = try await ModegateBinary.run(
            ["import", "otel", "traces/partial.jsonl", "traces/baseline-2.jsonl", "--scores", "traces/baseline-scores.jsonl", "--arm", "baseline", "--name", "partial"],
            in: scratch.url)
        #expect(partial.status == 3, "\(partial.stderr)")
        #expect(partial.stderr.hasPrefix("traces/partial.jsonl:1: error: chat span 'chat gpt-4.1-mini'"), "\(partial.stderr)")
        #expect(partial.stderr.contains("which is in none of the given files: the trace is partial"), "\(partial.stderr)")
        // Its six spans, and the scores of the case and repetition no longer traced.
        #expect(partial.stderr.contains("traces/partial.jsonl:6: error: chat span"), "\(partial.stderr)")
        #expect(partial.stderr.contains("traces/baseline-scores.jsonl:1: error: case c1 repetition 0 has no trial in the traces"), "\(partial.stderr)")

        // A line cut short, as a crashed exporter leaves it.
        var lines = try scratch.read("traces/candidate.jsonl").split(separator: "\n").map(String.init)
        lines[2] = String(lines[2].prefix(lines[2].count / 2))
        try scratch.write(lines.joined(separator: "\n") + "\n", to: "traces/cut.jsonl")
        let cut = try await ModegateBinary.run(["import", "otel", "traces/cut.jsonl", "--arm", "candidate", "--name", "cut"], in: scratch.url)
        #expect(cut.status == 3)
        #expect(cut.stderr.hasPrefix("traces/cut.jsonl:3: error: not JSON"), "\(cut.stderr)")
        #expect(cut.stdout.isEmpty)

        // A scores line for a case no trace has.
        try scratch.write(try scratch.read("traces/baseline-scores.jsonl") + #"{"case_id":"c9","reward":1}"# + "\n", to: "traces/extra-scores.jsonl")
        let stray = try await ModegateBinary.run(
            ["import", "otel", "traces/baseline-1.jsonl", "traces/baseline-2.jsonl", "--scores", "traces/extra-scores.jsonl", "--arm", "baseline", "--name", "stray"],
            in: scratch.url)
        #expect(stray.status == 3)
        #expect(stray.stderr.contains("traces/extra-scores.jsonl:7: error: case c9 has no trial in the traces"), "\(stray.stderr)")

        #expect(stored() == ["agent-baseline"], "nothing half-imported: \(stored())")
        let usage = try await ModegateBinary.run(["import", "otel", "traces/candidate.jsonl"], in: scratch.url)
        #expect(usage.status == 64, "\(usage.stderr)")
    }
}
