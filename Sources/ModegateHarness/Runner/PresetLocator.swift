import Foundation
import ModegateCore

/// Finds preset files: a path as given, else `NAME.yaml` in the first of these folders that has it:
/// `$MODEGATE_PRESETS`; `presets/` beside or above the gate file; `presets/` in the working
/// directory; the built-in presets of an installed binary (`PREFIX/share/modegate/presets`); and
/// `presets/` above the binary (the build folder of a source checkout). A user's own `smoke.yaml`
/// in any of the first three therefore overrides the built-in `smoke`.
public struct PresetLocator: Sendable {
    /// The folders a preset name is looked up in, first match wins.
    public var searchFolders: [URL]

    /// The folders for a gate file (nil without one), the working directory, the environment and the running binary.
    public init(gateFile: URL?, workingDirectory: URL, environment: [String: String], executable: URL) {
        var folders: [URL] = []
        if let custom = environment["MODEGATE_PRESETS"] { folders.append(URL(fileURLWithPath: custom, relativeTo: workingDirectory)) }
        if let gateFile { folders += Self.ancestors(of: gateFile.deletingLastPathComponent()).map { $0.appendingPathComponent("presets") } }
        folders.append(workingDirectory.appendingPathComponent("presets"))
        let layout = InstallLayout(executable: executable)
        folders.append(layout.installedPresetsFolder)
        folders += Self.ancestors(of: layout.binaryFolder).map { $0.appendingPathComponent("presets") }
        searchFolders = folders
    }

    /// The file of a preset: a path as given (relative to `directory`), else `NAME.yaml` in the first search folder that has it; nil when there is none.
    public func locate(_ name: String, relativeTo directory: URL) -> URL? {
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/") {
            let url = URL(fileURLWithPath: name, relativeTo: directory).standardizedFileURL
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        for folder in searchFolders {
            let candidate = folder.appendingPathComponent("\(name).yaml").standardizedFileURL
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Every preset file in the first folder that has any, for `modegate presets`.
    public func builtinPresetFiles() -> [URL] {
        for folder in searchFolders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let presets = files.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
            if !presets.isEmpty { return presets }
        }
        return []
    }

    static func ancestors(of folder: URL) -> [URL] {
        var result: [URL] = []
        var current = folder.standardizedFileURL
        for _ in 0..<6 {
            result.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return result
    }
}
