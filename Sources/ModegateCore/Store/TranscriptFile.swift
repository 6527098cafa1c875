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
}
