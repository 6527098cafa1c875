import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func shippedGatesResolve() async throws {
        let gates = ModegateBinary.repository.appendingPathComponent("gates")
        let files = try FileManager.default.contentsOfDirectory(atPath: gates.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let result = try await ModegateBinary.run(["check", "gates/\(file)"], in: ModegateBinary.repository)
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(try json(result.stdout)["thresholds"] != nil)
        }
    }

    /// A zero margin can never pass a tie of a live model: `check` and `plan` say so and suggest
    /// one, exit 0; the scripted model (no spread: its ties do pass) and point mode get no warning.
    @Test func aZeroMarginIsWarnedAboutWithASuggestedMargin() async throws {
        let scratch = try Scratch()
        let gate = { (judgement: String, model: String) in
            "version: 1\nworkload: {presets: [smoke, repo_triage, dynamic_web_filtering, ledger_workflows, function_probe, code_navigation], repetitions: 2}\nmodel: {\(model)}\nthresholds: {min_reward_delta: 0, min_completion_delta: -0.1}\njudgement: {\(judgement)}\n"
        }
        let replay = "provider: replay, cassette: nowhere"
        try scratch.write(gate("mode: statistical, sequential: {batch_cases: 10, min_cases: 20}", replay), to: "sequential.yaml")
        try scratch.write(gate("mode: statistical", "provider: scripted"), to: "scripted.yaml")
        try scratch.write(gate("mode: point", replay), to: "point.yaml")
        let checked = try await ModegateBinary.run(["check", "sequential.yaml", "--no-servers"], in: scratch.url)
        #expect(checked.status == 0, "\(checked.stderr)")
        let warnings = checked.stderr.split(separator: "\n").filter { $0.contains("warning: thresholds.") }
        #expect(warnings.count == 1, "\(checked.stderr)")
        #expect(warnings.first?.contains("thresholds.min_reward_delta is 0: in sequential judging a candidate exactly as good as the baseline can never pass it") == true)
        #expect(warnings.first?.contains("; a margin of -0.") == true && warnings.first?.contains("cases × 2 repetitions with 80% power") == true,
                "\(warnings)")
        for quiet in ["scripted.yaml", "point.yaml"] {
            let result = try await ModegateBinary.run(["check", quiet, "--no-servers"], in: scratch.url)
            #expect(result.status == 0 && !result.stderr.contains("warning: thresholds."), "\(quiet): \(result.stderr)")
        }
    }

    @Test func brokenGateListsEveryProblemAndExits3() async throws {
        let scratch = try Scratch()
        try scratch.write("version: 1\nworkload:\n  presets: [smoke]\n  repetitons: 3\nthresholds:\n  max_error_rate: 2\n", to: "g.yaml")
        let result = try await ModegateBinary.run(["check", "g.yaml"], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("g.yaml:4:3: error: unknown key 'repetitons'") == true)
        let gated = try await ModegateBinary.run(["validate", "--gate", "g.yaml"], in: scratch.url)
        #expect(gated.status == 3)
    }

    /// `check`, `run --dry-run` and `run` reject the same presets, each at its entry in the gate
    /// file (a broken preset file at its own line), with exit 3 and no plan on stdout.
    @Test(arguments: [["check"], ["run", "--dry-run"], ["run"]])
    func presetsThatDoNotResolveAreErrorsAtTheirEntry(command: [String]) async throws {
        let scratch = try Scratch()
        try scratch.write("preset: broken\ndescription: x\nsuite: smoke\ncases:\n  - id: a\n    promt: hi\n", to: "broken.yaml")
        try scratch.write("""
            preset: remote
            description: Tools of an MCP server the gate does not define.
            suite: {mcp: serch}
            cases:
              - {id: a, prompt: hi, answer_schema: {}, expected: 1, scorer: exact, reference: "return 1;"}
            """, to: "remote.yaml")
        try scratch.write("""
            version: 1
            workload:
              presets: [smoke, repo_triaje, missing.yaml, broken.yaml, remote.yaml]
            mcp:
              enabled: true
              servers:
                search: {command: [mcp-search]}
            reports: []
            """, to: "g.yaml")
        let result = try await ModegateBinary.run(command + ["g.yaml"], in: scratch.url)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("g.yaml:3:20: error: no preset 'repo_triaje' (did you mean 'repo_triage'?) (at workload.presets[1])"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("g.yaml:3:33: error: no preset file at missing.yaml") && $0.hasSuffix("(at workload.presets[2])") }, "\(lines)")
        #expect(lines.contains { $0.contains("broken.yaml:6:5: error: unknown key 'promt'") }, "\(lines)")
        #expect(lines.contains {
            $0.hasPrefix("g.yaml:3:60: error: preset 'remote' runs on the MCP server 'serch', which mcp.servers does not define (did you mean 'search'?)")
                && $0.hasSuffix("(at workload.presets[4])")
        }, "\(lines)")
    }

    @Test func aPresetOnADisabledServerIsAnError() async throws {
        let scratch = try Scratch()
        try scratch.write("""
            preset: remote
            description: x
            suite: {mcp: search}
            cases:
              - {id: a, prompt: hi, answer_schema: {}, expected: 1, scorer: exact, reference: "return 1;"}
            """, to: "remote.yaml")
        try scratch.write("version: 1\nworkload: {presets: [remote.yaml]}\nmcp: {enabled: false, servers: {search: {command: [x]}}}\n", to: "g.yaml")
        let result = try await ModegateBinary.run(["check", "g.yaml"], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stderr.contains("g.yaml:2:22: error: preset 'remote' runs on the MCP server 'search', but mcp.enabled is false"), "\(result.stderr)")
    }

    /// The test venv's python, which has the MCP SDK the chaos server needs.
    static var python: String? {
        let path = ProcessInfo.processInfo.environment["MODEGATE_PYTHON"]
            ?? ModegateBinary.repository.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("\(path) is missing: run the suite with `make test`, which installs the MCP test peers")
            return nil
        }
        return path
    }

    /// A gate whose one preset plays on the chaos MCP server started with `arguments`.
    static func chaosGate(in scratch: Scratch, python: String, arguments: [String]) throws {
        let script = ModegateBinary.repository.appendingPathComponent("Tests/ModegateIntegrationTests/Peers/chaos_server.py").path
        try scratch.write("""
            preset: chaos
            description: The chaos server's echo.
            suite: {mcp: chaos}
            cases:
              - {id: a, prompt: Echo hi., answer_schema: {}, expected: hi, scorer: exact, reference: "return await tools.echo({text: 'hi'});"}
            """, to: "chaos.yaml")
        let command = ([python, script] + arguments).map { "'\($0)'" }.joined(separator: ", ")
        try scratch.write("""
            version: 1
            workload: {presets: [chaos.yaml]}
            model: {provider: scripted}
            mcp:
              enabled: true
              servers:
                chaos: {command: [\(command)], timeout_seconds: 20}
            reports: []
            """, to: "g.yaml")
    }

    /// `check` starts a reachable server twice: a tool list that changes between the starts is a
    /// warning naming the tool, and the gate still checks (exit 0).
    @Test func aServerWhoseToolsDriftAcrossStartsIsAWarning() async throws {
        guard let python = Self.python else { return }
        let scratch = try Scratch()
        let starts = scratch.url.appendingPathComponent("starts").path
        try Self.chaosGate(in: scratch, python: python, arguments: ["--starts-file", starts, "--drift-after", "1"])
        let result = try await ModegateBinary.run(["check", "g.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: MCP server 'chaos' listed other tools when started again (added extra)"), "\(result.stderr)")
        #expect(result.stderr.contains("MCP server 'chaos': 4 tools, started twice"), "\(result.stderr)")
        let lines = try String(contentsOfFile: starts, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)

        let skipped = try await ModegateBinary.run(["check", "--no-servers", "g.yaml"], in: scratch.url)
        #expect(skipped.status == 0)
        #expect(!skipped.stderr.contains("MCP server 'chaos'"), "\(skipped.stderr)")
        #expect(try String(contentsOfFile: starts, encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test func aServerThatListsAlikeTwiceHasNoWarning() async throws {
        guard let python = Self.python else { return }
        let scratch = try Scratch()
        try Self.chaosGate(in: scratch, python: python, arguments: [])
        let result = try await ModegateBinary.run(["check", "g.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    }

    /// An unreachable server is a warning that says why, quoting the server's stderr, not an
    /// error: `check` also runs where the servers are not.
    @Test func anUnreachableServerIsAWarningWithItsStderr() async throws {
        guard let python = Self.python else { return }
        let scratch = try Scratch()
        let starts = scratch.url.appendingPathComponent("starts").path
        try Self.chaosGate(in: scratch, python: python, arguments: ["--starts-file", starts, "--live-starts", "0"])
        let result = try await ModegateBinary.run(["check", "g.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: MCP server 'chaos' could not be reached, so its tools were not checked"), "\(result.stderr)")
        #expect(result.stderr.contains("its stderr ends: chaos: start 1"), "\(result.stderr)")
    }
}
