import ModegateCore

/// What the HTML report shows besides the verdict: both runs' paired cases (from
/// `ExplanationBuilder`) and the conversations of the trials whose transcripts are embedded.
/// The CLI reads it from the runs the verdict names; the renderer only formats it, so it stays pure.
public struct ReportEvidence: Sendable, Hashable {
    /// Every paired case, in (preset, case) order.
    public var cases: [CaseExplanation]
    /// The cases whose tool calls and conversations the page embeds.
    public var selection: TranscriptSelection
    /// The embedded conversations, by the transcript line they were read from.
    public var conversations: [TranscriptLocation: Conversation]
    /// Why the page has no per-case evidence (an error verdict, an imported RLM Code run, an
    /// unreadable run); nil when it has.
    public var unavailable: String?

    /// Evidence as loaded.
    public init(cases: [CaseExplanation], selection: TranscriptSelection, conversations: [TranscriptLocation: Conversation]) {
        self.cases = cases
        self.selection = selection
        self.conversations = conversations
        unavailable = nil
    }

    /// No per-case evidence, and why: the page then shows the verdict and its gates only.
    public static func unavailable(_ reason: String) -> ReportEvidence {
        var evidence = ReportEvidence(cases: [], selection: TranscriptSelection([], limit: 0), conversations: [:])
        evidence.unavailable = reason
        return evidence
    }
}
