import Foundation
import Testing
@testable import ModegateCore

/// What the OTel import refuses: each problem a diagnostic at its file and line that names the
/// fix, all of them at once, and no run.
@Suite struct OTelImportErrorTests {
    typealias F = OTLPFixture

    /// The diagnostics' printed lines.
    func problems(_ files: [(String, String)], scores: (String, String)? = nil) -> [String] {
        switch F.importing(files.map { ($0.0, Data($0.1.utf8)) }, scores: scores) {
        case .success: return []
        case .failure(let error): return error.diagnostics.map(\.description)
        }
    }

    func lines(_ spans: [F.Span]) -> String { spans.map { F.line([$0]) }.joined(separator: "\n") }

    @Test func aBrokenLineIsNamedAtItsFileAndLine() {
        let good = F.line([F.agent("a000000000000001", case: "c1")])
        let found = problems([("t.jsonl", good + "\n" + String(good.dropLast(9)) + "\n" + #"{"resource_spans":[]}"#)])
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("t.jsonl:2: error: not JSON"), "\(found)")
        #expect(found[1].hasPrefix("t.jsonl:3: error: no resourceSpans array (found resource_spans: OTLP JSON uses lowerCamelCase keys)"), "\(found)")
    }

    @Test func missingFieldsAndBase64IdsAreNamed() {
        var noStart = F.agent("a000000000000001", case: "c1")
        noStart.id = "AAAAAAAAAAE="
        let line = F.line([noStart])
        let found = problems([("t.jsonl", line)])
        #expect(found.first?.hasPrefix("t.jsonl:1: error: span 'invoke_agent helper'") == true, "\(found)")
        #expect(found.first?.contains("looks like base64 (protobuf's JSON mapping): OTLP JSON writes ids as hex") == true, "\(found)")
        let noTime = line.replacingOccurrences(of: #""startTimeUnixNano":"\#(F.at(0))","#, with: "").replacingOccurrences(of: "AAAAAAAAAAE=", with: "a000000000000001")
        #expect(problems([("t.jsonl", noTime)]).first?.contains("has no startTimeUnixNano; expected nanoseconds since the epoch as a decimal string") == true)
    }

    @Test func aPartialTraceAndASpanOutsideEveryAgentAreNamed() {
        let text = lines([
            F.agent("a000000000000001", case: "c1"),
            F.chat("c000000000000001", parent: "b000000000000009", start: 10, tokens: (1, 1)),
            F.tool("d000000000000001", parent: "f000000000000001", name: "x", start: 20, trace: "4af7651916cd43dd8448eb211c80319c"),
            F.Span(trace: "4af7651916cd43dd8448eb211c80319c", id: "f000000000000001", name: "http request", start: F.at(0), end: F.at(50)),
        ])
        let found = problems([("t.jsonl", text)])
        #expect(found.count == 2, "\(found)")
        #expect(found[0].hasPrefix("t.jsonl:2: error: chat span 'chat gpt-x' (span c000000000000001 of trace 0af7651916cd43dd8448eb211c80319c) has parent span b000000000000009, which is in none of the given files: the trace is partial"), "\(found)")
        #expect(found[1].hasPrefix("t.jsonl:3: error: execute_tool span 'execute_tool x'"), "\(found)")
        #expect(found[1].contains("is under no invoke_agent span"), "\(found)")
    }

    @Test func aTrialWithoutACaseOrARewardAndACaseRepetitionTwiceAreNamed() {
        let text = lines([
            F.agent("a000000000000001", case: nil),
            F.agent("a000000000000002", case: "c1", repetition: 0, reward: nil, start: 2000),
            F.agent("a000000000000003", case: "c2", repetition: 0, start: 4000),
            F.agent("a000000000000004", case: "c2", repetition: 0, start: 6000),
        ])
        let found = problems([("t.jsonl", text)])
        #expect(found.contains { $0.hasPrefix("t.jsonl:1: error: the invoke_agent span 'invoke_agent helper' (span a000000000000001") && $0.contains("has no case id: set the attribute modegate.case.id") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("t.jsonl:4: error: case c2 repetition 0 is also at t.jsonl:3") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("t.jsonl:2: error: trial otel/c1#0 has no reward: set the attribute modegate.reward") && $0.contains("--scores FILE") }, "\(found)")
    }

    @Test func aBrokenScoresLineAndAScoreForNoTraceAreNamed() {
        let trace = ("t.jsonl", lines([F.agent("a000000000000001", case: "c1", repetition: 0)]))
        let broken = problems([trace], scores: ("s.jsonl", #"{"case_id":"c1","reward":2}"# + "\n" + "{nope\n" + #"{"case_id":"c1","rewards":1}"#))
        #expect(broken == [
            "s.jsonl:1: error: reward 2 is not a number from 0 to 1",
            #"s.jsonl:2: error: not a JSON object; each line is {"case_id": "…", "reward": 0.5, "completed": true} (repetition optional)"#,
            "s.jsonl:3: error: unknown key 'rewards'; a score line has case_id, repetition, reward and completed",
        ])
        let stray = problems([trace], scores: ("s.jsonl", #"{"case_id":"c1","reward":1}"# + "\n" + #"{"case_id":"c9","reward":1}"# + "\n" + #"{"case_id":"c1","repetition":3,"reward":1}"#))
        #expect(stray.count == 2, "\(stray)")
        #expect(stray[0].hasPrefix("s.jsonl:2: error: case c9 has no trial in the traces"), "\(stray)")
        #expect(stray[1].hasPrefix("s.jsonl:3: error: case c1 repetition 3 has no trial in the traces"), "\(stray)")
    }

    @Test func theSameSpanTwiceAndNoAgentAtAllAreNamed() {
        let agent = lines([F.agent("a000000000000001", case: "c1")])
        #expect(problems([("a.jsonl", agent), ("b.jsonl", agent)]) == [
            "b.jsonl:1: error: span a000000000000001 of trace 0af7651916cd43dd8448eb211c80319c is given twice (also at a.jsonl:1); was a file given twice?",
        ])
        let none = problems([("h.jsonl", lines([F.Span(id: "f000000000000001", name: "GET /", start: F.at(0), end: F.at(1))]))])
        #expect(none.count == 1 && none[0].hasPrefix("h.jsonl: error: no invoke_agent span in h.jsonl"), "\(none)")
    }
}
