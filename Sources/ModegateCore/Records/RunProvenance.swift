import Foundation

/// What a run's figures depend on besides the strategy under test: the model and its sampling,
/// the arm's settings, the workload's shape, every preset file's bytes, every tool the suites
/// and servers offered, and how answers are scored. A stored baseline may stand in for a new
/// one (`run --baseline REF`) only when its provenance is the same (`summary.json`
/// `provenance`).
public struct RunProvenance: Sendable, Hashable, Codable {
    /// Bumped whenever a scorer, the answer check or a reward changes meaning.
    public static let currentScoringVersion = 1

    /// Provider, name, base URL, API version, temperature and output limit.
    public var model: JSONValue
    /// The arm's settings as the gate resolves them (strategy, runtime, steps, limits, discovery, tool API).
    public var arm: JSONValue
    /// Repetitions, case limit, seed, and the tool faults injected per suite.
    public var workload: JSONValue
    /// Preset name → SHA-256 of its file.
    public var presets: [String: String]
    /// Suite or MCP server → tool name → SHA-256 of the tool as listed (description and schemas).
    public var tools: [String: [String: String]]
    /// `currentScoringVersion` when the run was made.
    public var scoringVersion: Int

    /// A provenance as given.
    public init(model: JSONValue, arm: JSONValue, workload: JSONValue, presets: [String: String],
                tools: [String: [String: String]], scoringVersion: Int = currentScoringVersion) {
        self.model = model
        self.arm = arm
        self.workload = workload
        self.presets = presets
        self.tools = tools
        self.scoringVersion = scoringVersion
    }

    /// What changed from `stored` (the reused run's) to `self` (today's), one line per
    /// difference, in a fixed order; empty when nothing did.
    public func differences(from stored: RunProvenance) -> [String] {
        var lines = Self.valueDifferences(stored.model, model, prefix: "model")
        lines += Self.valueDifferences(stored.arm, arm, prefix: "baseline")
        lines += Self.valueDifferences(stored.workload, workload, prefix: "workload")
        for name in Set(stored.presets.keys).union(presets.keys).sorted() {
            switch (stored.presets[name], presets[name]) {
            case (let before?, let after?) where before != after:
                lines.append("preset \(name): its file changed (sha256 \(before.prefix(12))… → \(after.prefix(12))…)")
            case (nil, _?): lines.append("preset \(name): not in the stored baseline")
            case (_?, nil): lines.append("preset \(name): in the stored baseline, not in this gate")
            default: break
            }
        }
        for source in Set(stored.tools.keys).union(tools.keys).sorted() {
            if let change = KeyedChanges.describe(before: stored.tools[source] ?? [:], after: tools[source] ?? [:]) {
                lines.append("tools of \(source): \(change)")
            }
        }
        if stored.scoringVersion != scoringVersion {
            lines.append("scoring version: \(stored.scoringVersion) → \(scoringVersion)")
        }
        return lines
    }

    /// Leaf-by-leaf differences of two JSON values, as `prefix.key.sub: old → new`.
    static func valueDifferences(_ before: JSONValue, _ after: JSONValue, prefix: String) -> [String] {
        let old = flatten(before, prefix: prefix)
        let new = flatten(after, prefix: prefix)
        return Set(old.keys).union(new.keys).sorted().compactMap { path in
            let (left, right) = (old[path] ?? "(unset)", new[path] ?? "(unset)")
            return left == right ? nil : "\(path): \(left) → \(right)"
        }
    }

    private static func flatten(_ value: JSONValue, prefix: String) -> [String: String] {
        switch value {
        case .object(let members):
            var out: [String: String] = [:]
            for (key, member) in members { out.merge(flatten(member, prefix: "\(prefix).\(key)")) { $1 } }
            return out
        default:
            return [prefix: value.jsonText]
        }
    }

    enum CodingKeys: String, CodingKey {
        case model, arm, workload, presets, tools
        case scoringVersion = "scoring_version"
    }
}
