import Foundation
import ModegateCore

/// The workspace tools of one trial. They only read, so sessions share the directory and the
/// suite is stateless.
struct WorkspaceSession: ToolSession {
    let root: WorkspaceRoot
    /// Like real code search, a broad pattern gets a bounded answer and says it was cut.
    var matchLimit = 200

    var tools: [ToolDescriptor] { WorkspaceSuite.descriptors }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        switch name {
        case "list_files":
            return SessionReplies.reply {
                let dir = try ToolArguments(arguments, tool: name, allowed: ["dir"]).optionalString("dir") ?? ""
                let files = try listFiles(under: try root.resolve(dir.isEmpty ? "." : dir, tool: name), tool: name)
                return ["files": .array(files.map(JSONValue.string))]
            }
        case "read_file":
            return SessionReplies.reply {
                let path = try ToolArguments(arguments, tool: name, allowed: ["path"]).string("path")
                let content = try read(try root.resolve(path, tool: name), path: path)
                return ["path": .string(path), "content": .string(content), "line_count": .number(Double(Self.lines(content).count))]
            }
        case "search_files":
            return SessionReplies.reply { try search(arguments) }
        case "run_command":
            do {
                let argv = try ToolArguments(arguments, tool: name, allowed: ["command"]).stringList("command")
                let command = try WorkspaceCommand(argv)
                // A relative argument may still be a symbolic link that points out of the workspace.
                for argument in argv.dropFirst() where !argument.hasPrefix("-")
                    && FileManager.default.fileExists(atPath: root.url.appendingPathComponent(argument).path)
                {
                    _ = try root.resolve(argument, tool: name)
                }
                let outcome = try await command.run(in: try root.resolve(".", tool: name))
                if outcome.timedOut { return .failure("run_command: \(argv.joined(separator: " ")) did not end within 10 s and was stopped") }
                return .value([
                    "exit_code": .number(Double(outcome.exitCode)), "stdout": .string(outcome.stdout), "stderr": .string(outcome.stderr),
                ])
            } catch let failure as ToolFailure {
                return .failure(failure.message)
            } catch {
                return .failure("run_command: \(error)")
            }
        default:
            return SessionReplies.unknownTool(name, in: tools)
        }
    }

    func finalState() async -> JSONValue? { nil }

    private func listFiles(under directory: URL, tool: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw ToolFailure("\(tool): no directory '\(root.relative(directory))'")
        }
        var files: [String] = []
        for case let file as URL in walker {
            if file.lastPathComponent == ".git" {
                walker.skipDescendants()
                continue
            }
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(root.relative(file.resolvingSymlinksInPath()))
            }
        }
        return files.sorted()
    }

    private func read(_ file: URL, path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw ToolFailure("read_file: no file '\(path)'") }
        guard let text = String(data: data, encoding: .utf8) else { throw ToolFailure("read_file: '\(path)' is not UTF-8 text") }
        return text
    }

    private func search(_ arguments: JSONValue) throws -> JSONValue {
        let pattern = try ToolArguments(arguments, tool: "search_files", allowed: ["pattern"]).string("pattern")
        guard !pattern.isEmpty else { throw ToolFailure("search_files: the pattern must not be empty") }
        let files = try listFiles(under: try root.resolve(".", tool: "search_files"), tool: "search_files").lazy.compactMap { path in
            FileManager.default.contents(atPath: root.url.appendingPathComponent(path).path)
                .flatMap { String(data: $0, encoding: .utf8) }.map { (path: path, lines: Self.lines($0)) }
        }
        return LineSearch(limit: matchLimit).matches(of: pattern, in: files)
    }

    /// The lines of a file, a final newline ending the last one rather than starting another.
    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
