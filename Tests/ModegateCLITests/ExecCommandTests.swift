import Foundation
import Testing

@Suite struct ExecCommandTests {
    @Test func runsAProgramAgainstTheDemoSuite() async throws {
        let scratch = try Scratch()
        try scratch.write("const [a, b] = await Promise.all([tools.add({a: 1, b: 2}), tools.lookup({key: 'beta'})]);\nreturn {a, owner: b.owner}", to: "p.js")
        let result = try await ModegateBinary.run(["exec", "--suite", "demo", "p.js", "--json"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let outcome = document["outcome"] as? [String: Any]
        #expect(outcome?["kind"] as? String == "value")
        #expect((outcome?["value"] as? [String: Any])?["owner"] as? String == "grace")
        #expect((document["tool_calls"] as? [[String: Any]])?.count == 2)
        #expect(document["waves"] as? Int == 1)
    }

    @Test func typedErrorsExitOne() async throws {
        let scratch = try Scratch()
        try scratch.write("let x = ;", to: "bad.js")
        let syntax = try await ModegateBinary.run(["exec", "bad.js"], in: scratch.url)
        #expect(syntax.status == 1)
        #expect(syntax.stdout.contains("syntax_error: SyntaxError at line 1, column 9"))
        try scratch.write("return await tools.add({a: 1, b: 2})", to: "notools.js")
        let noTools = try await ModegateBinary.run(["exec", "notools.js", "--json"], in: scratch.url)
        #expect(noTools.status == 1)
        #expect((try json(noTools.stdout)["outcome"] as? [String: Any])?["kind"] as? String == "exception")
        try scratch.write("for (;;) {}", to: "loop.js")
        let loop = try await ModegateBinary.run(["exec", "loop.js", "--timeout", "0.5", "--json"], in: scratch.url)
        #expect(loop.status == 1)
        #expect((try json(loop.stdout)["outcome"] as? [String: Any])?["kind"] as? String == "timeout")
    }

    @Test func badInputAndUsage() async throws {
        let scratch = try Scratch()
        #expect(try await ModegateBinary.run(["exec", "missing.js"], in: scratch.url).status == 3)
        #expect(try await ModegateBinary.run(["exec", "--suite", "nope", "x.js"], in: scratch.url).status == 64)
    }
}

@Suite struct BuiltinSuiteCommandTests {
    @Test func execReachesEveryBuiltinSuite() async throws {
        let scratch = try Scratch()
        let listing = try await ModegateBinary.run(["presets", "--json"], in: ModegateBinary.repository)
        #expect(listing.status == 0)
        let presets = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(presets.count == 6)
        #expect(presets.reduce(0) { $0 + (($1["cases"] as? [Any])?.count ?? 0) } >= 40)
        for suite in ["smoke", "repo_triage", "dynamic_web_filtering", "ledger_workflows", "function_probe", "code_navigation"] {
            try scratch.write("return Object.keys(tools).length", to: "\(suite).js")
            let result = try await ModegateBinary.run(["exec", "--suite", suite, "\(suite).js", "--json"], in: scratch.url)
            #expect(result.status == 0, "\(suite): \(result.stderr)")
            let value = (try json(result.stdout)["outcome"] as? [String: Any])?["value"] as? Int ?? 0
            #expect(value >= 2, "\(suite) exposes \(value) tools")
        }
        let cases = try await ModegateBinary.run(["presets", "repo_triage"], in: ModegateBinary.repository)
        #expect(cases.stdout.contains("triage-5x5-k5"))
    }
}
