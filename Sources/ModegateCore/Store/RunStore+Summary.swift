import Foundation

extension RunStore {
    /// The summary document of a run as JSON text: `summary.json` (computed from the trials for an
    /// interrupted run), or the RLM Code file as it is.
    public func summaryDocument(_ entry: RunCatalogEntry) throws -> String {
        switch entry.source {
        case .native:
            return try StableJSON.string(NativeRunReader.summary(folder: URL(fileURLWithPath: entry.path)))
        case .rlmCode:
            guard let data = FileManager.default.contents(atPath: entry.path) else {
                throw StoreError.unreadable(path: entry.path, reason: "file vanished")
            }
            let document = try StableJSON.decoder().decode(JSONValue.self, from: data)
            return try StableJSON.string(document)
        }
    }
}
