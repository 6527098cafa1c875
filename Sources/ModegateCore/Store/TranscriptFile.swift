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
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError.unreadable(path: url.path, reason: "no such file, or it cannot be read")
        }
        var ranges = JSONLines.ranges(in: data)
        if !JSONLines.endsWithNewline(data), !ranges.isEmpty { ranges.removeLast() }
        return try zip(ranges, JSONLines.decode(TrialTranscript.self, data: data, ranges: ranges)).map { range, line in
            do {
                return (range.number, try line.get())
            } catch {
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
