import ArgumentParser
import Foundation
import ModegateCore

/// `modegate import bfcl CATEGORY`: one of BFCL's multi-turn categories, from the installed
/// bfcl-eval package, as a gate, a preset and the MCP server they run on. Prints the gate's
/// path on stdout; a missing package, an unknown category or an unusable Python is exit 3 with
/// the fix.
struct ImportBFCLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bfcl", abstract: "Write a gate and preset for one of BFCL's multi-turn categories (from PyPI's bfcl-eval).",
        discussion: """
            Reads the category's tasks, ground truth and function documents from the bfcl-eval \
            package installed for --python (pip install --no-deps bfcl-eval==2026.3.23, then \
            pip install mpmath==1.3.0 mcp), and writes into --out: bfcl_server.py (an MCP server \
            hosting BFCL's own backend classes; the harness loads each task's initial \
            configuration before the first turn and runs BFCL's state and response checkers \
            after each turn), presets/bfcl_CATEGORY.yaml (one case per task, one turn per BFCL \
            turn, references from the ground truth) and bfcl-CATEGORY.yaml (the gate). Files of \
            an earlier import in --out are replaced. Then: modegate run OUT/bfcl-CATEGORY.yaml. \
            See docs/import.md. Exit 0 when written, 3 when the package, the category or the \
            Python cannot be used, 64 for usage.
            """)

    @Argument(help: "A multi-turn category of the package: multi_turn_base, multi_turn_miss_func, multi_turn_miss_param, multi_turn_long_context, or any other it has.")
    var category: String

    @Option(help: "The folder to write into (created when missing).")
    var out = "bfcl"

    @Option(help: "The Python that has bfcl-eval; the gate runs the server with it. A name is looked up on PATH.")
    var python = "python3"

    @Option(help: "Only the category's first N tasks.")
    var limit: Int?

    func validate() throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_"))
        guard !category.isEmpty, category.unicodeScalars.allSatisfy(allowed.contains) else {
            throw ValidationError("the category is letters, digits and '_' (such as multi_turn_base), found '\(category)'")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, found \(limit)") }
    }

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = URL(fileURLWithPath: out, relativeTo: here).standardizedFileURL
        do {
            let written = try BFCLImport(category: category, folder: folder, python: try interpreter(from: here), limit: limit).run()
            Console.error("modegate: imported \(written.tasks) tasks of \(category) (\(written.turns) turns, \(written.calls) ground-truth calls) from \(written.package)")
            Console.error("modegate: wrote \(written.gate.path), \(written.preset.path) and \(written.server.path)")
            Console.error("modegate: run it with: modegate run \(written.gate.path)")
            Console.out(written.gate.path)
        } catch let failure as BFCLImport.Failure {
            throw Failure.exit(for: InputError("error: \(failure.description)"))
        }
    }

    /// `--python` as an absolute path, so the gate runs the same interpreter from any folder.
    private func interpreter(from here: URL) throws -> String {
        if python.contains("/") {
            let path = URL(fileURLWithPath: python, relativeTo: here).standardizedFileURL.path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw BFCLImport.Failure(description: "--python \(python) is not an executable file")
            }
            return path
        }
        let searched = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in searched.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(python)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw BFCLImport.Failure(description: "\(python) is not on PATH; give --python the interpreter that has bfcl-eval")
    }
}
