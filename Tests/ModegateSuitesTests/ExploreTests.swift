import Foundation
import ModegateCore
@testable import ModegateSuites
import Testing

@Suite struct ExploreTests {
    @Test func dump() async throws {
        guard ProcessInfo.processInfo.environment["EXPLORE"] == "1" else { return }
        var out = ""
        // web
        let corpus = WebFilteringSuite.corpus(["seed": 7])
        for page in corpus.pages {
            out += "\(page.topic) \(page.published) \(page.domain) \(page.stance) \(page.url) canon=\(page.canonicalURL == page.url ? "self" : page.canonicalURL)\n   \(page.text)\n"
        }
        try out.write(toFile: "/tmp/explore-web.txt", atomically: true, encoding: .utf8)
        out = ""
        let ledger = LedgerSuite.initialLedger(["seed": 3])
        out += ledger.json.jsonText
        try out.write(toFile: "/tmp/explore-ledger.json", atomically: true, encoding: .utf8)
        out = ""
        let tree = CodeNavigationSuite.tree(["seed": 5])
        for file in tree.files { out += "==== \(file.path)\n" + file.lines.enumerated().map { "\($0.offset + 1): \($0.element)" }.joined(separator: "\n") + "\n" }
        out += "\nTODOS \(tree.todos)\nREADS \(tree.settingReads)\nIMPORTS \(tree.imports)\n"
        try out.write(toFile: "/tmp/explore-code.txt", atomically: true, encoding: .utf8)
        out = ""
        for (shards, per, k, seed) in [(1, 1, 1, 1), (4, 1, 2, 1), (5, 5, 5, 1), (10, 10, 5, 1), (8, 12, 5, 1), (20, 50, 5, 1)] {
            let params: JSONValue = ["shards": .number(Double(shards)), "candidates_per_shard": .number(Double(per)), "k": .number(Double(k)), "seed": .number(Double(seed))]
            let data = RepoTriageSuite.data(params)
            out += "\(shards)x\(per) k\(k) eligible=\(data.candidates.filter(\.isEligible).count) oracle=\(RepoTriageSuite().oracle(params: params)!.jsonText)\n"
        }
        try out.write(toFile: "/tmp/explore-repo.txt", atomically: true, encoding: .utf8)
    }
}
