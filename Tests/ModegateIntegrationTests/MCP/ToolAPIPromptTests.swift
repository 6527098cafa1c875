import Foundation
import ModegateCodeMode
import ModegateCore
import ModegateMCP
import ModegateSuites
import Testing

/// What the candidate reads of its tools: for every built-in preset and for a real third-party
/// server (mcp-server-git), `run_code`'s description names every tool, every parameter (nested
/// ones too) and marks exactly the optional ones. The checker reads the prompt line by line and
/// knows nothing of how the declarations are written beyond TypeScript's `name?: type`.
@Suite struct ToolAPIPromptTests {
    /// Problems of `prompt` as a presentation of `tools`; empty when every tool, parameter and
    /// required flag is in it.
    static func problems(_ prompt: String, tools: [ToolDescriptor]) -> [String] {
        let lines = prompt.split(separator: "\n").map(String.init)
        func quoted(_ name: String) -> [String] { [name, "\"\(name)\""] }
        var problems: [String] = []
        let starts: [Int?] = tools.map { tool in
            lines.firstIndex { line in quoted(tool.name).contains { line.trimmingCharacters(in: .whitespaces).hasPrefix("\($0)(") } }
        }
        for (index, tool) in tools.enumerated() {
            guard let start = starts[index] else {
                problems.append("tool \(tool.name) is not declared")
                continue
            }
            let end = starts.compactMap { $0 }.filter { $0 > start }.min() ?? lines.count
            let block = lines[start..<end].map { $0.trimmingCharacters(in: .whitespaces) }
            func check(_ schema: JSONValue, path: String) {
                let properties = schema["properties"]?.objectValue ?? [:]
                let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                for (name, property) in properties {
                    let marker = required.contains(name) ? ":" : "?:"
                    let wrong = required.contains(name) ? "?:" : ":"
                    let written = quoted(name).contains { key in block.contains { $0.hasPrefix(key + marker + " ") } }
                    let misflagged = quoted(name).contains { key in block.contains { $0.hasPrefix(key + wrong + " ") } }
                    if !written { problems.append("\(tool.name): \(path)\(name) is missing\(misflagged ? " or its required flag is wrong" : "")") }
                    if property["type"]?.stringValue == "object" { check(property, path: "\(path)\(name).") }
                    if property["type"]?.stringValue == "array", property["items"]?["type"]?.stringValue == "object" {
                        check(property["items"] ?? .null, path: "\(path)\(name)[].")
                    }
                }
            }
            check(tool.inputSchema, path: "")
        }
        return problems
    }

    static func prompt(_ tools: [ToolDescriptor]) -> String {
        CodeModeTools.descriptors(discovery: true, suiteTools: tools, api: .typescript)[0].description
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyBuiltInPresetsPromptDeclaresItsTools() throws {
        let folder = Self.repository.appendingPathComponent("presets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 6)
        for file in files {
            let preset = try PresetLoader.load(path: folder.appendingPathComponent(file).path)
            guard case .builtin(let name) = preset.suite, let suite = BuiltinSuites.named(name) else {
                Issue.record("\(file) names no built-in suite")
                continue
            }
            let problems = Self.problems(Self.prompt(suite.tools), tools: suite.tools)
            #expect(problems.isEmpty, "\(file): \(problems)")
        }
    }

    @Test func theCheckerCatchesAMissingParameterAndAWrongFlag() {
        let tool = ToolDescriptor(
            name: "get", description: "",
            inputSchema: ["type": "object", "required": ["id"], "properties": ["id": ["type": "string"], "page": ["type": "number"]]])
        #expect(Self.problems(Self.prompt([tool]), tools: [tool]).isEmpty)
        let names = CodeModeTools.descriptors(discovery: true, suiteTools: [tool], api: .names)[0].description
        #expect(Self.problems(names, tools: [tool]) == ["tool get is not declared"])
        let flipped = Self.prompt([tool]).replacingOccurrences(of: "id: string", with: "id?: string")
        #expect(Self.problems(flipped, tools: [tool]) == ["get: id is missing or its required flag is wrong"])
    }

    @Test func mcpServerGitsPromptDeclaresItsTools() async throws {
        guard let server = TestPeers.program("mcp-server-git") else { return }
        let repository = try TestPeers.gitRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let connection = try await MCPConnection.open(
            name: "git", server: .init(command: [server, "-r", repository.path], env: ["GIT_PAGER": "cat"], timeoutSeconds: 30),
            environment: ProcessInfo.processInfo.environment, logFolder: nil)
        let tools = try await connection.listTools()
        await connection.close()
        #expect(tools.count >= 10)
        let problems = Self.problems(Self.prompt(tools), tools: tools)
        #expect(problems.isEmpty, "\(problems)")
        let fidelity = ToolAPIDeclaration(tools: tools).fidelity
        print("mcp-server-git: \(tools.count) tools, schema fidelity \(fidelity.preciseParameters)/\(fidelity.parameters) parameters, "
            + "\(fidelity.preciseResults)/\(fidelity.results) results, share \(fidelity.share)")
    }
}
