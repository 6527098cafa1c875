import ModegateCore
@testable import ModegateSuites
import Testing

/// Suite data depends on params alone: generating twice gives identical data, two sessions
/// answer identically, and a different seed gives different data. Fingerprints pin the data of
/// one seed per suite, since every oracle-computed expected answer depends on it.
@Suite struct DeterminismTests {
    @Test func generatorsAreDeterministic() {
        let shape = RepoTriageShape(shards: 5, candidatesPerShard: 5, k: 5, seed: 3)
        #expect(RepoTriageData(shape: shape).candidates == RepoTriageData(shape: shape).candidates)
        #expect(WebCorpus(seed: 7, pagesPerTopic: 12).pages == WebCorpus(seed: 7, pagesPerTopic: 12).pages)
        #expect(Ledger.generated(seed: 3) == Ledger.generated(seed: 3))
        #expect(SourceTree(seed: 11).files.map(\.content) == SourceTree(seed: 11).files.map(\.content))
    }

    @Test func differentSeedsGiveDifferentData() {
        #expect(RepoTriageData(shape: .init(shards: 2, candidatesPerShard: 3, k: 1, seed: 1)).candidates
            != RepoTriageData(shape: .init(shards: 2, candidatesPerShard: 3, k: 1, seed: 2)).candidates)
        #expect(WebCorpus(seed: 1, pagesPerTopic: 12).pages != WebCorpus(seed: 2, pagesPerTopic: 12).pages)
        #expect(Ledger.generated(seed: 1) != Ledger.generated(seed: 2))
        #expect(SourceTree(seed: 1).files.map(\.content) != SourceTree(seed: 2).files.map(\.content))
    }

    /// What a program can observe: every read-only tool's reply from two fresh sessions.
    @Test(arguments: BuiltinPresets.cases)
    func twoSessionsOfACaseAnswerAlike(entry: BuiltinPresets.Case) async {
        let first = entry.suite.makeSession(params: entry.testCase.params)
        let second = entry.suite.makeSession(params: entry.testCase.params)
        for (name, arguments) in Self.probes(entry.suite.name) {
            let a = await first.call(name, arguments: arguments)
            let b = await second.call(name, arguments: arguments)
            #expect(a == b, "\(entry.key): \(name) answered differently")
        }
        let firstState = await first.finalState()
        let secondState = await second.finalState()
        #expect(firstState == secondState)
    }

    static func probes(_ suite: String) -> [(String, JSONValue)] {
        switch suite {
        case "repo_triage": [("search_shard", ["shard": 0]), ("fetch_candidate", ["id": "s00-c000"])]
        case "dynamic_web_filtering": [("web_search", ["query": "harbor bridge closure", "max_results": 50])]
        case "ledger_workflows": [("list_accounts", [:]), ("list_transactions", [:]), ("list_invoices", [:]), ("list_bills", [:])]
        case "code_navigation": [("search_code", ["pattern": "def "]), ("read_file", ["path": "config/settings.toml"])]
        case "function_probe": [("checksum", ["text": "determinism"])]
        default: [("lookup", ["user": "ada"])]
        }
    }

    /// FNV-1a of the generated data's JSON text for a fixed seed. A change here changes expected
    /// answers: update the constants only on purpose, and say so in the release notes.
    @Test func fingerprintsOfGeneratedDataArePinned() {
        let triage = RepoTriageData(shape: .init(shards: 5, candidatesPerShard: 5, k: 5, seed: 3))
        #expect(Self.fingerprint(.array(triage.candidates.map(\.json))) == Self.pinned["repo_triage"])
        let corpus = WebCorpus(seed: 7, pagesPerTopic: 12)
        #expect(Self.fingerprint(.array(corpus.pages.map(\.document))) == Self.pinned["dynamic_web_filtering"])
        #expect(Self.fingerprint(Ledger.generated(seed: 3).json) == Self.pinned["ledger_workflows"])
        let tree = SourceTree(seed: 11)
        #expect(Self.fingerprint(.array(tree.files.map { .string($0.path + "\n" + $0.content) })) == Self.pinned["code_navigation"])
    }

    static let pinned: [String: String] = [
        "repo_triage": "78eca865d35e1116", "dynamic_web_filtering": "6098bab7310bb3d3",
        "ledger_workflows": "cbeadbbfd4309d5f", "code_navigation": "1a40a985043db505",
    ]

    static func fingerprint(_ value: JSONValue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.jsonText.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(hash, radix: 16)
    }
}
