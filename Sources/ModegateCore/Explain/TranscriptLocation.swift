/// Where a trial's conversation is on disk: the line of `transcripts.jsonl` to open.
public struct TranscriptLocation: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The transcripts file, as the run was found (relative to the working directory when under it).
    public var path: String
    /// 1-based line number.
    public var line: Int

    /// A location as given.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    /// `path:line`, as editors and terminals open it.
    public var description: String { "\(path):\(line)" }
}
