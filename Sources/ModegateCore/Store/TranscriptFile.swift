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

    /// Each line's trial as `modegate verify` checks it, without decoding the requests (the bulk
    /// of a transcript): verifying a large run then costs a fraction of replaying it.
    public static func readAudits(_ url: URL) throws -> [(line: Int, audit: RecordSchema.Versioned<TrialAudit>)] {
        try numbered(RecordSchema.Versioned<TrialAudit>.self, url).map { ($0.line, $0.value) }
    }

    /// What a transcript line says of its trial, but for the requests' bodies.
    public struct TrialAudit: Sendable, Decodable {
        /// One exchange: whether it was answered, and the answer as recorded.
        public struct Exchange: Sendable, Decodable {
            public var error: String?
            public var response: JSONValue?
        }

        public var runID: String
        public var preset: String
        public var caseID: String
        public var repetition: Int
        public var format: String
        public var exchanges: [Exchange]
        public var toolCalls: [ToolCallTrace]?
        public var latency: TrialLatency?

        public var key: PairKey { PairKey(preset: preset, caseID: caseID, repetition: repetition) }

        enum CodingKeys: String, CodingKey {
            case preset, repetition, format, exchanges, latency
            case runID = "run_id", caseID = "case_id", toolCalls = "tool_calls"
        }

        public init(from decoder: any Decoder) throws {
            _ = try RecordSchema.version(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            runID = try container.decode(String.self, forKey: .runID)
            preset = try container.decode(String.self, forKey: .preset)
            caseID = try container.decode(String.self, forKey: .caseID)
            repetition = try container.decode(Int.self, forKey: .repetition)
            format = try container.decode(String.self, forKey: .format)
            exchanges = try container.decode([Exchange].self, forKey: .exchanges)
            toolCalls = try container.decodeIfPresent([ToolCallTrace].self, forKey: .toolCalls)
            latency = try container.decodeIfPresent(TrialLatency.self, forKey: .latency)
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
