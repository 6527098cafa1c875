import ArgumentParser
import ModegateCore

/// `--report FORMAT[:PATH]`, repeatable: extra renderings of the verdict, to files or stdout.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write the verdict as FORMAT (text, json, markdown, junit, github, html) to PATH, or stdout without one (html: .modegate/report.html).",
            valueName: "format[:path]"))
    var reports: [String] = []

    func validate() throws { _ = try requests() }

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
