import Foundation
import ModegateCore
@testable import ModegateSuites
import Testing

/// The workspace suite over a real directory made here: its tools read inside it, its commands
/// run for real, and nothing leads out of it.
@Suite struct WorkspaceSuiteTests {
    let root: URL
    let session: any ToolSession

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("src/.git"), withIntermediateDirectories: true)
        try "alpha\nbeta gamma\n".write(to: root.appendingPathComponent("src/a.txt"), atomically: true, encoding: .utf8)
        try "gamma\n".write(to: root.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        try "hidden\n".write(to: root.appendingPathComponent("src/.git/config"), atomically: true, encoding: .utf8)
        // A link that points out of the workspace.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: "/etc")
        session = WorkspaceSuite().makeSession(params: ["root": .string(root.path)])
    }

    @Test func readsListsAndSearchesInsideTheWorkspace() async throws {
        let listed = await session.call("list_files", arguments: [:])
        #expect(listed.structuredContent?["files"] == ["b.md", "src/a.txt"], "\(listed.text)")
        let under = await session.call("list_files", arguments: ["dir": "src"])
        #expect(under.structuredContent?["files"] == ["src/a.txt"])
        let read = await session.call("read_file", arguments: ["path": "src/a.txt"])
        #expect(read.structuredContent?["content"] == "alpha\nbeta gamma\n" && read.structuredContent?["line_count"] == 2)
        let found = await session.call("search_files", arguments: ["pattern": "gamma"])
        #expect(found.structuredContent?["matches"]?.arrayValue?.map { "\($0["path"]?.stringValue ?? ""):\($0["line"]?.intValue ?? 0)" }
            == ["b.md:1", "src/a.txt:2"])
    }

    @Test func runsAllowedProgramsAndReportsTheirExit() async throws {
        let counted = await session.call("run_command", arguments: ["command": ["wc", "-l", "src/a.txt"]])
        #expect(!counted.isError && counted.structuredContent?["exit_code"] == 0, "\(counted.text)")
        #expect(counted.structuredContent?["stdout"]?.stringValue?.hasPrefix("2 src/a.txt") == true, "\(counted.text)")
        let missing = await session.call("run_command", arguments: ["command": ["cat", "nope.txt"]])
        #expect(!missing.isError && missing.structuredContent?["exit_code"] == 1)
        #expect(missing.structuredContent?["stderr"]?.stringValue?.contains("nope.txt") == true)
    }

    @Test(arguments: [
        (["rm", "b.md"], "'rm' is not available"),
        (["git", "commit", "-m", "x"], "'git commit' is not available"),
        (["git", "-C", "/", "log"], "'git -C' is not available"),
        (["git", "diff", "--output=x.txt"], "--output is refused"),
        (["cat", "/etc/passwd"], "is not relative to the workspace"),
        (["cat", "src/../../x"], "leads outside the workspace"),
        (["cat", "out/passwd"], "leads outside the workspace"),
        ([], "the command is empty"),
    ])
    func refusesWhatLeavesTheWorkspaceOrWrites(command: [String], message: String) async {
        let reply = await session.call("run_command", arguments: ["command": .array(command.map(JSONValue.string))])
        #expect(reply.isError && reply.text.contains(message), "\(reply.text)")
    }

    @Test func pathsStayInsideTheWorkspace() async {
        for (tool, arguments) in [("read_file", ["path": "../etc/passwd"]), ("read_file", ["path": "/etc/passwd"]),
                                  ("read_file", ["path": "out/passwd"]), ("list_files", ["dir": "out"])] as [(String, JSONValue)]
        {
            let reply = await session.call(tool, arguments: arguments)
            #expect(reply.isError && (reply.text.contains("outside the workspace") || reply.text.contains("not relative")), "\(tool): \(reply.text)")
        }
        let gone = WorkspaceSuite().makeSession(params: ["root": .string(root.appendingPathComponent("nowhere").path)])
        let reply = await gone.call("list_files", arguments: [:])
        #expect(reply.isError && reply.text.contains("is not a directory"), "\(reply.text)")
    }

    @Test func aCommandThatDoesNotEndIsStopped() async throws {
        // tail -f never ends on its own; the limit kills it and the call says so.
        let outcome = try await WorkspaceCommand(["tail", "-f", "b.md"]).run(in: root, timeout: 0.2)
        #expect(outcome.timedOut && outcome.stdout == "gamma\n")
    }
}
