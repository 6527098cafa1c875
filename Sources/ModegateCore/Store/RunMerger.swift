import Foundation

/// Joins the shard runs of one gate run (`--shard K/N`, run as separate CI jobs) into one run per
/// arm, refusing gaps and overlaps: every shard 1…N exactly once, no trial twice, same gate.
public struct RunMerger: Sendable {
    /// Why the given runs are not the complete shards of one gate run; each names the fix.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// An RLM Code summary, which has no shards.
        case notNative(String)
        /// A run made without `--shard`.
        case notSharded(String)
        /// Two runs that differ in `what` (the gate, the strategy, the shard count).
        case mismatched(String, String, what: String)
        /// Some of the N shards of an arm were not given.
        case missingShards(arm: String, missing: [Int], of: Int)
        /// The same shard of an arm was given twice.
        case duplicateShard(arm: String, shard: String)
        /// The same trial is in two shards.
        case overlappingTrials(arm: String, count: Int, example: String)
        /// A shard did not finish.
        case unfinished(String)
        /// A folder of artifacts holds no shard run.
        case noShardRuns(String)

        /// The problem in words, with what to do about it.
        public var description: String {
            switch self {
            case .notNative(let id): "\(id) is not a modegate run folder; only shard runs can be merged"
            case .notSharded(let id): "\(id) was not run with --shard K/N"
            case .mismatched(let a, let b, let what): "\(a) and \(b) differ in \(what); they are not shards of one gate run"
            case .missingShards(let arm, let missing, let count):
                "the \(arm) arm is missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")); merge needs all \(count)"
            case .duplicateShard(let arm, let shard): "shard \(shard) of the \(arm) arm is given twice"
            case .overlappingTrials(let arm, let count, let example):
                "\(count) trials of the \(arm) arm appear in more than one shard (e.g. \(example))"
            case .unfinished(let id): "\(id) did not finish; resume it before merging"
            case .noShardRuns(let path):
                "\(path) holds no shard runs (folders with a manifest.json of a run made with --shard); download the shards' .modegate/runs artifacts into it"
            }
        }
    }

    public let store: RunStore

    public init(store: RunStore) { self.store = store }

    /// Merges the given runs arm by arm; returns the merged runs' catalog entries.
    public func merge(_ entries: [RunCatalogEntry], at date: Date) throws -> [RunCatalogEntry] {
        var byArm: [String: [(RunCatalogEntry, RunManifest)]] = [:]
        for entry in entries {
            guard entry.source == .native else { throw Problem.notNative(entry.id) }
            guard entry.isFinished else { throw Problem.unfinished(entry.id) }
            let manifest = try NativeRunReader.readManifest(folder: URL(fileURLWithPath: entry.path))
            byArm[manifest.arm?.rawValue ?? manifest.strategy.rawValue, default: []].append((entry, manifest))
        }
        return try byArm.keys.sorted().map { arm in try mergeArm(arm, byArm[arm] ?? [], at: date) }
    }

    private func mergeArm(_ arm: String, _ shards: [(RunCatalogEntry, RunManifest)], at date: Date) throws -> RunCatalogEntry {
        guard let (firstEntry, first) = shards.first else { throw Problem.missingShards(arm: arm, missing: [], of: 0) }
        var seen = Set<Int>()
        var count = 0
        for (entry, manifest) in shards {
            guard let text = manifest.shard, let (index, total) = Self.parseShard(text) else { throw Problem.notSharded(entry.id) }
            if manifest.gateSHA256 != first.gateSHA256 { throw Problem.mismatched(firstEntry.id, entry.id, what: "gate file") }
            if manifest.presets != first.presets || manifest.repetitions != first.repetitions {
                throw Problem.mismatched(firstEntry.id, entry.id, what: "workload")
            }
            if count != 0 && total != count { throw Problem.mismatched(firstEntry.id, entry.id, what: "shard count") }
            count = total
            guard seen.insert(index).inserted else { throw Problem.duplicateShard(arm: arm, shard: text) }
        }
        let missing = (1...max(count, 1)).filter { !seen.contains($0) }
        guard missing.isEmpty else { throw Problem.missingShards(arm: arm, missing: missing, of: count) }
        var trials: [TrialRecord] = []
        var keys = Set<PairKey>()
        var overlaps: [PairKey] = []
        // Each trial's conversation goes with it; the last line of a trial wins (a resumed shard
        // played an interrupted trial again).
        var conversations: [PairKey: TrialTranscript] = [:]
        for (entry, _) in shards {
            let folder = URL(fileURLWithPath: entry.path)
            for trial in try NativeRunReader.readLines(TrialRecord.self, folder: folder).lines {
                if !keys.insert(trial.pairKey).inserted { overlaps.append(trial.pairKey) }
                trials.append(trial)
            }
            let transcripts = folder.appendingPathComponent("transcripts.jsonl")
            if FileManager.default.fileExists(atPath: transcripts.path) {
                for transcript in try TranscriptFile.read(transcripts) {
                    conversations[PairKey(preset: transcript.preset, caseID: transcript.caseID, repetition: transcript.repetition)] = transcript
                }
            }
        }
        if let example = overlaps.first {
            throw Problem.overlappingTrials(arm: arm, count: overlaps.count, example: example.description)
        }
        var manifest = first
        manifest.runID = "\(GateRunID.stem(of: firstEntry.id))-merged-\(arm)"
        manifest.shard = nil
        manifest.plannedTrials = shards.reduce(0) { $0 + $1.1.plannedTrials }
        manifest.startedAt = shards.map(\.1.startedAt).min() ?? first.startedAt
        manifest.finishedAt = nil
        let writer = try store.create(manifest: manifest)
        for index in trials.indices { trials[index].runID = manifest.runID }
        for trial in trials.sorted(by: { $0.pairKey < $1.pairKey }) {
            var transcript = conversations[trial.pairKey]
            transcript?.runID = manifest.runID
            try writer.append(trial, transcript: transcript)
        }
        manifest.finishedAt = date
        // The shards ran the same plan, so the first one's MCP facts are every shard's.
        let shardSummary = try NativeRunReader.readSummary(folder: URL(fileURLWithPath: firstEntry.path))
        try writer.finish(
            summary: RunSummary.summarizing(
                trials, manifest: manifest, mcpEnabled: shardSummary?.mcpEnabled ?? false, mcpServer: shardSummary?.mcpServer),
            at: date)
        return try NativeRunReader.catalogEntry(folder: writer.folder)
    }

    static func parseShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
