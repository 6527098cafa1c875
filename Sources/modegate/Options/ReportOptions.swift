import ArgumentParser
import ModegateCore

/// `--report FORMAT[:PATH]`, repeatable: extra renderings of the verdict, to files or stdout.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write the verdict as FORMAT (text, json, markdown, junit, github, html, openmetrics, buildkite) to PATH, or stdout without one (html: .modegate/report.html).",
            valueName: "format[:path]"))
    var reports: [String] = []

    func validate() throws { _ = try requests(over: []) }

    /// The reports to write: `defaults` (the gate's `reports:`, or the command's own output) and
    /// the flags', each once. Stdout takes one rendering: a flag's stdout report replaces the
    /// defaults' (the gate's text on stdout gives way to `--report json`), and two flags for
    /// stdout are refused. GitHub's annotations are workflow commands, read among other output,
    /// so they never count as a rendering on stdout.
    func requests(over defaults: [ReportRequest]) throws -> [ReportRequest] {
        let flags = try requests()
        let onStdout = flags.filter(Self.rendersOnStdout)
        if onStdout.count > 1 {
            let formats = onStdout.map(\.format.rawValue).joined(separator: ", ")
            throw ValidationError("--report: only one report can go to stdout (\(formats) were given without a path); give the others a :PATH")
        }
        var combined: [ReportRequest] = []
        for request in (onStdout.isEmpty ? defaults : defaults.filter { !Self.rendersOnStdout($0) }) + flags
        where !combined.contains(request) {
            combined.append(request)
        }
        return combined
    }

    /// Written to stdout as the verdict's rendering (HTML without a path goes to a file).
    static func rendersOnStdout(_ request: ReportRequest) -> Bool {
        request.path == nil && request.format != .github && request.format != .html
    }

    func requests() throws -> [ReportRequest] {
        try reports.map { text in
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = parts.first, let format = ReportFormat(rawValue: name.lowercased()) else {
                let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--report '\(text)': unknown format; use one of \(known), optionally followed by :PATH")
            }
            let path = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
            return ReportRequest(format: format, path: path)
        }
    }
}
