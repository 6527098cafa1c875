import Foundation

extension RunMerger {
    /// The shard runs in a folder of downloaded CI artifacts, however the engine laid them out:
    /// run folders side by side (GitHub's download-artifact with `merge-multiple`, GitLab's
    /// artifacts of `.modegate/runs`), or one folder per job holding them (download-artifact
    /// without it, Buildkite's `artifact download`, a Kubernetes volume per pod). Runs that were
    /// not sharded (an earlier merge stored beside them) are left out; nil when `folder` is
    /// itself a run folder or not a folder at all, so it is taken as a run reference.
    public static func shardRuns(under folder: URL) throws -> [RunCatalogEntry]? {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
            !files.fileExists(atPath: folder.appendingPathComponent("manifest.json").path)
        else { return nil }
        var found: [RunCatalogEntry] = []
        // A run folder is not searched further; artifact trees are shallow, so depth is bounded.
        func search(_ url: URL, depth: Int) throws {
            let children = (try? files.contentsOfDirectory(at: url, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
            for child in children.sorted(by: { $0.path < $1.path }) {
                guard (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true else { continue }
                if files.fileExists(atPath: child.appendingPathComponent("manifest.json").path) {
                    if try NativeRunReader.readManifest(folder: child).shard != nil {
                        found.append(try NativeRunReader.catalogEntry(folder: child))
                    }
                } else if depth < 6 {
                    try search(child, depth: depth + 1)
                }
            }
        }
        try search(folder, depth: 0)
        guard !found.isEmpty else { throw Problem.noShardRuns(folder.path) }
        return found
    }
}
