import Foundation
import ModegateCore
import ModegateReports

/// Writes rendered reports where they were asked to go.
struct ReportWriter {
    let workspace: Workspace
    let context: ReportContext

    func write(_ verdict: Verdict, to requests: [ReportRequest]) throws {
        var evidence: ReportEvidence?
        for request in requests {
            let text: String
            if request.format == .html {
                // Read once, however many HTML pages were asked for: a large run's records are the cost.
                let loaded = evidence ?? ReportEvidenceLoader(workspace: workspace).evidence(for: verdict)
                evidence = loaded
                text = HTMLRenderer().render(verdict, evidence: loaded, context: context)
            } else {
                text = try Renderers.renderer(for: request.format).render(verdict, context: context)
            }
            if let path = request.path ?? request.format.defaultPath {
                try Self.writeFile(text, to: path, relativeTo: workspace.directory)
                if request.path == nil { Console.error("\(request.format.rawValue) report: \(path)") }
            } else {
                Console.out(text)
            }
            if request.format == .github, let summary = workspace.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                try Self.append(GitHubRenderer.stepSummary(verdict, context: context), to: summary)
            }
        }
    }

    static func writeFile(_ text: String, to path: String, relativeTo directory: URL) throws {
        let url = URL(fileURLWithPath: path, relativeTo: directory)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(Data(text.utf8), to: url)
        } catch {
            throw InputError("\(path): error: cannot write report: \(error)")
        }
    }

    static func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError("\(path): error: cannot append to $GITHUB_STEP_SUMMARY")
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        handle.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
