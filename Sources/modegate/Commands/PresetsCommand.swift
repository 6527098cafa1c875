import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateReports
import ModegateSandbox

/// `modegate presets [NAME]`: the built-in presets, or one preset's cases.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "presets", abstract: "List presets, or one preset's cases.")

    @Argument(help: "A preset name or file; without it, every built-in preset.")
    var name: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let workspace = Workspace()
        let locator = workspace.presetLocator(forGate: nil)
        do {
            if let name {
                guard let url = locator.locate(name, relativeTo: workspace.directory) else {
                    throw InputError("no preset '\(name)'; looked in \(locator.searchFolders.map(\.path).joined(separator: ", "))")
                }
                let preset = try PresetLoader.load(path: url.path)
                if json { return Console.out(try StableJSON.string(preset)) }
                var rows = [["CASE", "SCORER", "PROMPT"]]
                for testCase in preset.cases {
                    rows.append([testCase.id, Self.scorerName(testCase.scorer), Self.oneLine(testCase.prompt, width: 90)])
                }
                Console.out("\(preset.name): \(preset.description)\n\n" + TextTable(rows: rows).rendered)
                return
            }
            let presets = try locator.builtinPresetFiles().map { try PresetLoader.load(path: $0.path) }
            if json { return Console.out(try StableJSON.string(presets)) }
            var rows = [["PRESET", "SUITE", "CASES", "DESCRIPTION"]]
            for preset in presets {
                let suite: String
                switch preset.suite {
                case .builtin(let name): suite = name
                case .mcp(let server): suite = "mcp:\(server)"
                }
                rows.append([preset.name, suite, String(preset.cases.count), Self.oneLine(preset.description, width: 100)])
            }
            Console.out(TextTable(rows: rows).rendered)
        } catch {
            throw Failure.exit(for: error)
        }
    }

    /// A table cell on one line: runs of whitespace (newlines in a block scalar) become one
    /// space, and text past `width` characters ends in an ellipsis.
    static func oneLine(_ text: String, width: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count <= width ? words : String(words.prefix(width - 1)) + "…"
    }

    static func scorerName(_ spec: ScorerSpec) -> String {
        switch spec {
        case .exact: "exact"
        case .fields: "fields"
        case .setF1: "set_f1"
        case .ndcg(_, let k): "ndcg@\(k)"
        case .topK(_, let k): "top_\(k)"
        case .state: "state"
        case .perItem: "per_item"
        case .js: "js"
        case .mcp(let tool, _): "mcp:\(tool)"
        }
    }
}
