import Foundation

extension RunStore {
    /// Resolves a reference to a catalog entry. `previous` is relative to `candidate`: the baseline
    /// of the same gate run when the candidate is a gate run's candidate arm, else the newest run
    /// whose recorded time is earlier than the candidate's.
    public func resolve(
        _ reference: RunReference, candidate: RunCatalogEntry? = nil, workingDirectory: URL
    ) throws -> RunCatalogEntry {
        let entries = catalog().entries
        switch reference {
        case .latest(let strategy):
            let pool = entries.filter { strategy == nil || $0.strategy == strategy }
            guard let newest = pool.first else { throw StoreError.noRuns(store: describeStore(strategy)) }
            return newest
        case .previous(let strategy):
            let pool = entries.filter { (strategy == nil || $0.strategy == strategy) && $0.path != candidate?.path }
            guard let candidate else {
                guard let newest = pool.first else { throw StoreError.noRuns(store: describeStore(strategy)) }
                return newest
            }
            // A gate run's candidate is compared with its own baseline: both arms of a gate run
            // finish together, so "finished before" alone would skip it.
            if GateRunID.role(of: candidate.id) == .candidate {
                let sibling = GateRunID.id(stem: GateRunID.stem(of: candidate.id), role: .baseline, strategy: .toolCall)
                if let baseline = pool.first(where: { $0.id == sibling }) { return baseline }
            }
            let earlier = pool.first { entry in
                guard let mine = candidate.orderingDate else { return RunCatalogEntry.newestFirst(candidate, entry) }
                return (entry.orderingDate ?? .distantPast) < mine
            }
            guard let earlier else { throw StoreError.noPreviousRun(before: candidate.id) }
            return earlier
        case .named(let text):
            if let entry = try entryAtPath(text, workingDirectory: workingDirectory) { return entry }
            if let exact = entries.first(where: { $0.id == text }) { return exact }
            let matches = entries.filter { $0.id.hasPrefix(text) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw StoreError.ambiguousReference(text, matches: matches.map(\.id)) }
            throw StoreError.unknownReference(text, known: entries.map(\.id))
        }
    }

    /// Resolves and loads a candidate and a baseline the way every judging command does.
    public func resolvePair(
        candidate: RunReference, baseline: RunReference, workingDirectory: URL
    ) throws -> (candidate: StoredRun, baseline: StoredRun) {
        let candidateEntry = try resolve(candidate, workingDirectory: workingDirectory)
        let baselineEntry = try resolve(baseline, candidate: candidateEntry, workingDirectory: workingDirectory)
        return (try open(candidateEntry), try open(baselineEntry))
    }

    /// A reference that names something on disk: a run folder, its `summary.json`, or an RLM Code summary.
    func entryAtPath(_ text: String, workingDirectory: URL) throws -> RunCatalogEntry? {
        let url = URL(fileURLWithPath: text, relativeTo: workingDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            return try NativeRunReader.catalogEntry(folder: url)
        }
        let folder = url.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) {
            return try NativeRunReader.catalogEntry(folder: folder)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        guard let document = try? StableJSON.decoder().decode(JSONValue.self, from: data),
            RLMSummaryImporter.recognizes(document)
        else {
            throw StoreError.malformed(
                path: url.path, line: nil,
                reason: "not a run: expected a run folder, its summary.json, or an RLM Code benchmark summary")
        }
        return try RLMSummaryImporter.importing(document, path: url.path).catalogEntry
    }

    private func describeStore(_ strategy: Strategy?) -> String {
        let suffix = strategy.map { " of strategy \($0.rawValue)" } ?? ""
        return "\(runsFolder.path)\(suffix)"
    }
}
