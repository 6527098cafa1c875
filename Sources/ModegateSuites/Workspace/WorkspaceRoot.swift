import Foundation

/// A workspace's directory and the rule that keeps a tool's paths inside it: relative paths
/// only, no `..` component, and the resolved path (symbolic links followed) still under the root.
struct WorkspaceRoot: Sendable {
    /// The directory, as the case's `params.root` names it (relative to the working directory).
    let given: String
    /// Its absolute, resolved form.
    let url: URL

    init(_ given: String) {
        self.given = given
        url = URL(fileURLWithPath: given).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The file or directory `path` names inside the root; a `ToolFailure` naming `tool` when it
    /// would leave the root or the root is not there.
    func resolve(_ path: String, tool: String) throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolFailure("\(tool): the workspace \(given) is not a directory")
        }
        if let reason = Self.escape(path) { throw ToolFailure("\(tool): '\(path)' \(reason)") }
        let resolved = url.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        guard resolved.path == url.path || resolved.path.hasPrefix(url.path + "/") else {
            throw ToolFailure("\(tool): '\(path)' leads outside the workspace")
        }
        return resolved
    }

    /// Why `path` cannot name something inside the root, before it is resolved; nil when it may.
    static func escape(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "is not relative to the workspace" }
        if path.split(separator: "/").contains("..") { return "leads outside the workspace" }
        return nil
    }

    /// The path of `file` relative to the root.
    func relative(_ file: URL) -> String {
        String(file.path.dropFirst(url.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }
}
