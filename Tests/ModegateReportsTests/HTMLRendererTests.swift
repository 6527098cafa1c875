import Foundation
@testable import ModegateCore
@testable import ModegateReports
import Testing

/// The HTML report: its golden page, the escaping that keeps data inside its script element,
/// and which cases the page embeds in full.
@Suite struct HTMLRendererTests {
    static func trial(_ caseID: String, _ repetition: Int, completed: Bool, reward: Double, error: TrialError? = nil,
                      preset: String = "repo_triage", line: Int = 1, arm: String = "baseline") -> TrialEvidence {
        let record = TrialRecord(
            runID: "run", preset: preset, caseID: caseID, repetition: repetition, strategy: .toolCall, completed: completed,
            reward: reward, finalAnswer: ["ranked": ["a", "b"]], steps: 3, error: error,
            startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 1))
        return TrialEvidence(record, toolCalls: [ToolCallTrace(name: "search_shard", arguments: ["shard": 0], isError: !completed, reply: "injected fault </script><!--")],
                             transcript: TranscriptLocation(path: ".modegate/runs/\(arm)/transcripts.jsonl", line: line))
    }

    /// A loss, a gain, an unchanged case, a case with an error and a flaky one.
    static let cases: [CaseExplanation] = [
        CaseExplanation(preset: "repo_triage", caseID: "lost", baseline: [trial("lost", 0, completed: true, reward: 1)],
                        candidate: [trial("lost", 0, completed: false, reward: 0, arm: "candidate")]),
        CaseExplanation(preset: "repo_triage", caseID: "gained", baseline: [trial("gained", 0, completed: false, reward: 0, line: 2)],
                        candidate: [trial("gained", 0, completed: true, reward: 1, line: 2, arm: "candidate")]),
        CaseExplanation(preset: "smoke", caseID: "same", baseline: [trial("same", 0, completed: true, reward: 1, preset: "smoke", line: 3)],
                        candidate: [trial("same", 0, completed: true, reward: 1, preset: "smoke", line: 3, arm: "candidate")]),
        CaseExplanation(preset: "smoke", caseID: "broke", baseline: [trial("broke", 0, completed: true, reward: 1, preset: "smoke", line: 4)],
                        candidate: [trial("broke", 0, completed: true, reward: 1, error: TrialError(category: .sandbox, message: "<b>boom</b>"), preset: "smoke", line: 4, arm: "candidate")]),
        CaseExplanation(preset: "smoke", caseID: "flaky", baseline: [trial("flaky", 0, completed: true, reward: 1, preset: "smoke", line: 5), trial("flaky", 1, completed: false, reward: 0, preset: "smoke", line: 6)],
                        candidate: [trial("flaky", 0, completed: true, reward: 1, preset: "smoke", line: 5, arm: "candidate"), trial("flaky", 1, completed: false, reward: 0, preset: "smoke", line: 6, arm: "candidate")]),
    ]

    static func evidence(limit: Int = 3) -> ReportEvidence {
        let selection = TranscriptSelection(cases, limit: limit)
        let transcript = TrialTranscript(
            runID: "run", arm: .baseline, preset: "repo_triage", caseID: "lost", repetition: 0, strategy: .toolCall, provider: "scripted",
            format: "modegate", model: "scripted-policy",
            exchanges: [ModelExchange(turn: 1, request: ["messages": [["role": "user", "content": "Rank </script> the <!-- issues", "tool_calls": [], "is_error": false]]],
                                      response: ["message": ["role": "assistant", "content": "", "tool_calls": [["id": "1", "name": "search_shard", "arguments": ["shard": 0]]], "is_error": false]])])
        let conversations = Dictionary(uniqueKeysWithValues: selection.transcripts(of: cases).map { ($0, Conversation(transcript)) })
        return ReportEvidence(cases: cases, selection: selection, conversations: conversations)
    }

    @Test(arguments: VerdictFixtures.all)
    func golden(_ fixture: Fixture) throws {
        let page = HTMLRenderer().render(fixture.verdict, evidence: Self.evidence(), context: VerdictFixtures.context)
        try Golden.check(page, name: fixture.name, format: "html")
    }

    @Test func dataCannotCloseItsScriptElement() throws {
        let page = HTMLRenderer().render(VerdictFixtures.failingPoint.verdict, evidence: Self.evidence(), context: VerdictFixtures.context)
        let start = try #require(page.range(of: #"<script type="application/json" id="modegate-data">"#))
        let rest = page[start.upperBound...]
        let end = try #require(rest.range(of: "</script>"))
        let blob = String(rest[..<end.lowerBound])
        #expect(!blob.contains("<") && !blob.contains(">"))
        // The escaped text is still JSON, and reads back the original strings.
        let value = try JSONValue.parse(blob)
        #expect(value.jsonText.contains("injected fault </script><!--"))
        #expect(value.jsonText.contains("Rank </script> the <!-- issues"))
    }

    @Test func scriptSafeEscapesEveryMarkupCharacter() {
        #expect(EmbeddedJSON.scriptSafe(#"{"a":"</script><!--&\#u{2028}"}"#) == #"{"a":"\u003c/script\u003e\u003c!--\u0026\u2028"}"#)
        #expect(EmbeddedJSON.scriptSafe(#"{"a":1}"#) == #"{"a":1}"#)
        // Other non-ASCII text passes through whole, including U+2027 beside the escaped pair.
        #expect(EmbeddedJSON.scriptSafe("{\"a\":\"é→😀\u{2027}\u{2029}\"}") == #"{"a":"é→😀\#u{2027}\u2029"}"#)
        #expect(HTMLEscaping.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func selectionEmbedsTellingCasesFirstUpToTheLimit() {
        let two = TranscriptSelection(Self.cases, limit: 2)
        #expect(two.cases == ["repo_triage/lost", "smoke/broke"])
        #expect(two.tellingLeftOut == 2)  // the gain and the flaky case did not fit
        let all = TranscriptSelection(Self.cases, limit: 10)
        #expect(all.cases == ["repo_triage/lost", "smoke/broke", "repo_triage/gained", "smoke/flaky", "smoke/same"])
        #expect(all.tellingLeftOut == 0)
        #expect(two.transcripts(of: Self.cases).count == 4)
    }

    @Test func aCasePlayedManyTimesEmbedsItsTellingRepetitionsFirstUpToTheLimit() throws {
        // Twenty repetitions; the arms part at #15 only.
        let item = CaseExplanation(
            preset: "smoke", caseID: "many",
            baseline: (0..<20).map { Self.trial("many", $0, completed: true, reward: 1, preset: "smoke", line: $0 + 1) },
            candidate: (0..<20).map { Self.trial("many", $0, completed: $0 != 15, reward: $0 == 15 ? 0 : 1, preset: "smoke", line: $0 + 1, arm: "candidate") })
        let selection = TranscriptSelection([item], limit: 5, repetitionLimit: 3)
        #expect(selection.repetitions(of: item) == [0, 1, 15])
        #expect(selection.transcripts(of: [item]).count == 6)
        let payload = ReportPayload(evidence: ReportEvidence(cases: [item], selection: selection, conversations: [:])).json()
        let detail = try #require(payload["details"]?["smoke/many"])
        #expect(detail["reps"]?.arrayValue?.compactMap { $0["rep"]?.intValue } == [0, 1, 15])
        // The other seventeen are kept compact, naming their transcript lines.
        #expect(detail["more"]?["b"]?.arrayValue?.count == 17 && detail["more"]?["c"]?.arrayValue?.count == 17)
        #expect(payload["selection"]?["repetitions"] == 3)
    }

    @Test func filtersMatchTheirDefinitions() {
        func names(_ filter: CaseFilter) -> [String] { Self.cases.filter(filter.matches).map(\.name) }
        #expect(names(.regressions) == ["repo_triage/lost"])
        #expect(names(.gains) == ["repo_triage/gained"])
        #expect(names(.differing) == ["repo_triage/lost", "repo_triage/gained"])
        #expect(names(.errors) == ["smoke/broke"])
        #expect(names(.flaky) == ["smoke/flaky"])
    }

    @Test func aCaseLeftOutNamesItsTranscriptLines() throws {
        let page = HTMLRenderer().render(VerdictFixtures.failingPoint.verdict, evidence: Self.evidence(limit: 1), context: VerdictFixtures.context)
        #expect(page.contains(#""files":[".modegate/runs/baseline/transcripts.jsonl",".modegate/runs/candidate/transcripts.jsonl"]"#))
        #expect(page.contains("Transcripts are embedded for 1 of 5 cases"))
    }
}
