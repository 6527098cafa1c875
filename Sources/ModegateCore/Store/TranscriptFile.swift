import Foundation

/// Reads a run's `transcripts.jsonl`.
public enum TranscriptFile {
    /// Every transcript line, in order. A torn last line (the run was killed mid-write) is
    /// skipped, as its trial has no record either; any other bad line is `StoreError.malformed`.
    public static func read(_ url: URL) throws -> [TrialTranscript] {
        try readNumbered(url).map(\.transcript)
    }

    /// Every transcript line with its 1-based line number, as `read` reads them.
    public static func readNumbered(_ url: URL) throws -> [(line: Int, transcript: TrialTranscript)] {
        try numbered(TrialTranscript.self, url).map { ($0.line, $0.value) }
    }

    /// Each line's trial and tool calls with its line number, without decoding the exchanges:
    /// what `explain` and the HTML report need of every trial of a large run.
    public static func readToolCalls(_ url: URL) throws -> [(line: Int, calls: TrialToolCalls)] {
        try numbered(TrialToolCalls.self, url).map { ($0.line, $0.value) }
    }

    /// A transcript line's trial and its tool calls.
    public struct TrialToolCalls: Sendable, Decodable {
        public var preset: String
        public var caseID: String
        public var repetition: Int
        public var toolCalls: [ToolCallTrace]?

        /// The trial's key.
        public var key: PairKey { PairKey(preset: preset, caseID: caseID, repetition: repetition) }

        enum CodingKeys: String, CodingKey {
            case preset, repetition
            case caseID = "case_id", toolCalls = "tool_calls"
        }

        public init(from decoder: any Decoder) throws {
            _ = try RecordSchema.version(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            preset = try container.decode(String.self, forKey: .preset)
            caseID = try container.decode(String.self, forKey: .caseID)
            repetition = try container.decode(Int.self, forKey: .repetition)
            toolCalls = try container.decodeIfPresent([ToolCallTrace].self, forKey: .toolCalls)
        }
    }

    private static func numbered<Line: Decodable & Sendable>(_ type: Line.Type, _ url: URL) throws -> [(line: Int, value: Line)] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError.unreadable(path: url.path, reason: "no such file, or it cannot be read")
        }
        var ranges = JSONLines.ranges(in: data)
        if !JSONLines.endsWithNewline(data), !ranges.isEmpty { ranges.removeLast() }
        return try zip(ranges, JSONLines.decode(Line.self, data: data, ranges: ranges)).map { range, line in
            do {
                return (range.number, try line.get())
            } catch {
                if let unsupported = RecordSchema.storeError(error, path: url.path, line: range.number) { throw unsupported }
                throw StoreError.malformed(path: url.path, line: range.number, reason: "not a transcript line: \(DecodingProblem(error))")
            }
        }
    }

    /// Only the transcripts on the given 1-based lines, by line: a report that shows a few trials'
    /// conversations does not decode a 10,000-trial run's every exchange. Lines past the end, a
    /// torn last line and lines that do not decode are left out (the caller names what is missing).
    public static func read(_ url: URL, lines wanted: Set<Int>) throws -> [Int: TrialTranscript] {
        guard !wanted.isEmpty else { return [:] }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError.unreadable(path: url.path, reason: "no such file, or it cannot be read")
        }
        var all = JSONLines.ranges(in: data)
        if !JSONLines.endsWithNewline(data), !all.isEmpty { all.removeLast() }
        let ranges = all.filter { wanted.contains($0.number) }
        var found: [Int: TrialTranscript] = [:]
        for (range, line) in zip(ranges, JSONLines.decode(TrialTranscript.self, data: data, ranges: ranges)) {
            if let transcript = try? line.get() { found[range.number] = transcript }
        }
        return found
    }
}
