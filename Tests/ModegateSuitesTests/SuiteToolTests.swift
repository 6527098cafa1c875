import ModegateCore
@testable import ModegateSuites
import Testing

/// The tools as a program meets them: well-formed descriptors, failures for bad arguments and
/// unknown ids (never a trap), and each suite's documented behaviour.
@Suite struct SuiteToolTests {
    @Test func builtinSuitesAreFoundByName() {
        #expect(BuiltinSuites.all.map(\.name) == ["smoke", "repo_triage", "dynamic_web_filtering", "ledger_workflows",
                                                   "function_probe", "code_navigation", "workspace"])
        #expect(BuiltinSuites.named("ledger_workflows")?.name == "ledger_workflows")
        #expect(BuiltinSuites.named("nope") == nil)
    }

    @Test(arguments: BuiltinSuites.all.map(\.name))
    func descriptorsAreClosedObjectSchemas(name: String) throws {
        let suite = try #require(BuiltinSuites.named(name))
        #expect(!suite.summary.isEmpty)
        #expect(Set(suite.tools.map(\.name)).count == suite.tools.count, "tool names are unique")
        #expect(suite.tools.map(\.name) == suite.makeSession(params: [:]).tools.map(\.name))
        for tool in suite.tools {
            #expect(!tool.description.isEmpty)
            #expect(tool.inputSchema["type"] == "object", "\(tool.name)")
            #expect(tool.inputSchema["additionalProperties"] == false, "\(tool.name)")
            let properties = try #require(tool.inputSchema["properties"]?.objectValue, "\(tool.name)")
            for required in tool.inputSchema["required"]?.arrayValue ?? [] {
                #expect(properties[required.stringValue ?? ""] != nil, "\(tool.name) requires an undeclared \(required)")
            }
        }
    }

    /// MCP's `structuredContent` is an object, and the typed API shows every result's type.
    @Test(arguments: BuiltinSuites.all.map(\.name))
    func everyToolStatesItsResultAsAClosedObject(name: String) throws {
        let suite = try #require(BuiltinSuites.named(name))
        for tool in suite.tools {
            let schema = try #require(tool.outputSchema, "\(name).\(tool.name) has no outputSchema")
            #expect(schema["type"] == "object" && schema["additionalProperties"] == false, "\(name).\(tool.name)")
            let properties = schema["properties"]?.objectValue ?? [:]
            #expect(!properties.isEmpty && schema["required"]?.arrayValue?.count == properties.count, "\(name).\(tool.name)")
        }
    }

    @Test(arguments: BuiltinSuites.all.map(\.name))
    func badCallsFailWithAMessage(name: String) async throws {
        let session = try #require(BuiltinSuites.named(name)).makeSession(params: [:])
        let unknown = await session.call("no_such_tool", arguments: [:])
        #expect(unknown.isError && unknown.text.contains("unknown tool"))
        for tool in session.tools {
            let notAnObject = await session.call(tool.name, arguments: [1, 2])
            #expect(notAnObject.isError, "\(tool.name) accepted a list as its arguments")
            let stray = await session.call(tool.name, arguments: ["no_such_argument": 1])
            #expect(stray.isError, "\(tool.name) accepted an unknown argument")
        }
    }

    @Test func repoTriageFailsOnUnknownIDsAndShards() async {
        let session = RepoTriageSuite().makeSession(params: ["shards": 2, "candidates_per_shard": 3, "seed": 1])
        #expect(await session.call("fetch_candidate", arguments: ["id": "s09-c000"]).text.contains("no candidate"))
        #expect(await session.call("fetch_candidates", arguments: ["ids": ["s00-c000", "bogus"]]).isError)
        #expect(await session.call("search_shard", arguments: ["shard": 2]).isError)
        #expect(await session.call("search_shard", arguments: ["shard": "0"]).isError)
        let batch = await session.call("fetch_candidates", arguments: ["ids": ["s01-c002", "s00-c000"]])
        #expect(batch.programValue["candidates"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["s01-c002", "s00-c000"])
        let single = await session.call("fetch_candidate", arguments: ["id": "s01-c002"])
        #expect(single.structuredContent == batch.programValue["candidates"]?.arrayValue?.first)
        #expect(single.text == single.structuredContent?.jsonText, "text content mirrors structured content")
    }

    @Test func repoTriageQueryFiltersTitles() async throws {
        let session = RepoTriageSuite().makeSession(params: ["shards": 1, "candidates_per_shard": 30, "seed": 2])
        let all = try #require(await session.call("search_shard", arguments: ["shard": 0]).programValue["ids"]?.arrayValue)
        let fixes = try #require(await session.call("search_shard", arguments: ["shard": 0, "query": "FIX"]).programValue["ids"]?.arrayValue)
        #expect(all.count == 30)
        #expect(!fixes.isEmpty && fixes.count < all.count)
        for id in fixes {
            let title = await session.call("fetch_candidate", arguments: ["id": id]).programValue["title"]?.stringValue ?? ""
            #expect(title.lowercased().contains("fix"))
        }
    }

    @Test func webSearchFiltersAndBudgets() async throws {
        let params: JSONValue = ["seed": 7, "search_budget": 2, "fetch_budget": 1]
        let session = WebFilteringSuite().makeSession(params: params)
        let scoped = await session.call("web_search", arguments: [
            "query": "lantern festival", "domains": ["council.example.gov"], "after": "2024-06-01", "max_results": 50,
        ])
        let results = try #require(scoped.programValue["results"]?.arrayValue)
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0["domain"] == "council.example.gov" && ($0["published"]?.stringValue ?? "") >= "2024-06-01" })
        let dates = results.compactMap { $0["published"]?.stringValue }
        #expect(dates == dates.sorted(by: >), "newest first")
        let page = await session.call("fetch_page", arguments: ["url": results[0]["url"]!])
        #expect(page.programValue["text"]?.stringValue?.contains("lantern festival") == true)
        #expect(await session.call("fetch_page", arguments: ["url": results[0]["url"]!]).text.contains("budget"))
        #expect(!(await session.call("web_search", arguments: ["query": "lantern"]).isError))
        #expect(await session.call("web_search", arguments: ["query": "lantern"]).text.contains("budget"))
        let fresh = WebFilteringSuite().makeSession(params: params)
        #expect(await fresh.call("web_search", arguments: ["query": "x", "after": "June"]).isError)
        #expect(await fresh.call("web_search", arguments: ["query": "x", "max_results": 0]).isError)
        #expect(await fresh.call("fetch_page", arguments: ["url": "https://nowhere.example/"]).text.contains("404"))
    }

    @Test func webCopiesNameTheirOriginal() {
        let corpus = WebCorpus(seed: 7, pagesPerTopic: 12)
        let copies = corpus.pages.filter(\.isCopy)
        #expect(!copies.isEmpty)
        for copy in copies {
            let original = corpus.byURL[copy.canonicalURL]
            #expect(original?.isCopy == false)
            #expect(original.map { copy.text.hasPrefix($0.text) } == true)
        }
    }

    @Test func ledgerRejectsImpossibleOperationsWithoutChangingTheBooks() async throws {
        let session = LedgerSuite().makeSession(params: ["seed": 3])
        let before = await session.finalState()
        let overdraft = await session.call("transfer", arguments: [
            "from_account_id": "payroll", "to_account_id": "savings", "amount_cents": 999_999_999, "memo": "x",
        ])
        #expect(overdraft.isError && overdraft.text.hasPrefix("transfer: insufficient funds"))
        #expect(await session.call("record_payment", arguments: [
            "invoice_id": "INV-1004", "amount_cents": 100, "account_id": "operating",
        ]).text.contains("takes no payments"))
        #expect(await session.call("void_invoice", arguments: ["invoice_id": "INV-9999", "reason": "x"]).isError)
        #expect(await session.call("record_transaction", arguments: [
            "account_id": "operating", "amount_cents": 1.5, "description": "x", "category": "x",
        ]).isError)
        #expect(await session.call("record_month_summary", arguments: [
            "month": "March", "income_cents": 0, "expense_cents": 0, "net_cents": 0,
        ]).isError)
        let after = await session.call("list_accounts", arguments: [:])
        #expect(after.programValue["as_of"] == "2024-04-05")
        let unchanged = await session.finalState()
        #expect(unchanged == before)
    }

    @Test func ledgerSessionsStartFresh() async {
        let params: JSONValue = ["seed": 3]
        let first = LedgerSuite().makeSession(params: params)
        _ = await first.call("record_transaction", arguments: [
            "account_id": "operating", "amount_cents": 500, "description": "tip jar", "category": "income",
        ])
        let firstState = await first.finalState()
        let secondState = await LedgerSuite().makeSession(params: params).finalState()
        #expect(firstState != secondState)
        #expect(secondState == Ledger.generated(seed: 3).json)
    }

    @Test func ledgerDatesCrossYears() {
        #expect(LedgerDate.days(from: "2023-12-28", to: "2024-04-05") == 99)
        #expect(LedgerDate.adding(30, to: "2024-02-10") == "2024-03-11")
        #expect(LedgerDate.adding(1, to: "2023-12-31") == "2024-01-01")
        #expect(LedgerDate.civil(fromDayNumber: 0) == "1970-01-01")
        #expect(!LedgerDate.isDate("2024-13-01"))
    }

    /// The literal expected answers of function_probe were worked out outside this code base; the
    /// suite's oracle (used by presets that state none) must agree with every one of them.
    @Test func functionProbeOracleAgreesWithTheStatedAnswers() throws {
        let cases = BuiltinPresets.cases.filter { $0.preset == "function_probe" }
        #expect(cases.count == 8)
        for entry in cases {
            let stated = try #require(entry.testCase.expected)
            #expect(FunctionProbeSuite().oracle(params: entry.testCase.params) == stated, "\(entry.key)")
        }
        // S-y-d-n-e-y: e, final y; y-e-a-r-l-y: e, a, final y. Neither leading y counts.
        #expect(ProbeFunctions.vowelCount("Sydney yearly") == 5, "y counts only at a word's end")
    }

    @Test func codeNavigationSearchIsLiteralAndBounded() async throws {
        let session = CodeNavigationSuite().makeSession(params: ["seed": 11])
        let files = try #require(await session.call("list_files", arguments: ["dir": "tests"]).programValue["files"]?.arrayValue)
        #expect(files.count == SourceTree.modules.count)
        #expect(await session.call("list_files", arguments: ["dir": "nowhere"]).isError)
        #expect(await session.call("read_file", arguments: ["path": "src/shop/none.py"]).isError)
        let literal = await session.call("search_code", arguments: ["pattern": "def ("])
        #expect(literal.programValue["matches"]?.arrayValue?.isEmpty == true, "patterns are not regular expressions")
        let spaces = await session.call("search_code", arguments: ["pattern": " "])
        #expect(spaces.programValue["truncated"] == false)
        let bounded = CodeNavigationSession(tree: SourceTree(seed: 11), matchLimit: 10)
        let truncated = await bounded.call("search_code", arguments: ["pattern": " "])
        #expect(truncated.programValue["truncated"] == true)
        #expect(truncated.programValue["matches"]?.arrayValue?.count == 10)
    }

    @Test func noFunctionNameEndsAnother() {
        for name in SourceTree.functions {
            for other in SourceTree.functions where other != name {
                #expect(!other.hasSuffix(name), "\(other) ends with \(name): \(name)( would find its calls too")
            }
        }
    }
}
