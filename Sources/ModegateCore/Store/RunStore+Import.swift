import Foundation

extension RunStore {
    /// Stores an imported run whole or not at all: its files are written in a hidden staging
    /// folder under `runs/` (which the catalog skips) and moved into place by one rename, so a
    /// failure (or a kill) midway leaves the store as it was. Returns the run's folder. Throws
    /// `StoreError.alreadyExists` when a run of that id is stored.
    public func add(_ run: ImportedRun) throws -> URL {
        let final = runsFolder.appendingPathComponent(run.manifest.runID)
        let files = FileManager.default
        guard !files.fileExists(atPath: final.path) else { throw StoreError.alreadyExists(path: final.path) }
        let staging = runsFolder.appendingPathComponent(".import-\(run.manifest.runID)-\(ProcessInfo.processInfo.processIdentifier)")
        try? files.removeItem(at: staging)
        do {
            var manifest = run.manifest
            let finishedAt = manifest.finishedAt
            manifest.finishedAt = nil
            let writer = try RunWriter(folder: staging, manifest: manifest)
            for (trial, transcript) in zip(run.trials, run.transcripts) { try writer.append(trial, transcript: transcript) }
            try writer.finish(summary: run.summary, at: finishedAt ?? run.summary.finishedAt ?? Date())
        } catch {
            try? files.removeItem(at: staging)
            throw error
        }
        // rename(2) will not replace a folder that has files, so a run stored meanwhile is kept.
        if rename(staging.path, final.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? files.removeItem(at: staging)
            if files.fileExists(atPath: final.path) { throw StoreError.alreadyExists(path: final.path) }
            throw StoreError.unreadable(path: final.path, reason: "could not move the imported run into place: \(reason)")
        }
        return final
    }
}
