import Foundation
import ModegateCore
import Testing

/// The HTML report in a real browser: the fault gate's page loaded from file:// by headless
/// Chromium through Selenium (Debian's `chromium` and `chromium-driver`, Selenium in `.venv`;
/// `make test` installs all three). Fails, never skips, when they are missing.
@Suite struct HTMLReportBrowserTests {
    @Test func theFaultGatesPageRendersFiltersAndOpensTranscripts() async throws {
        guard let python = TestPeers.python else { return }
        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: program) {
            Issue.record("\(program) is missing: run the suite with `make test`, which installs chromium and chromium-driver")
            return
        }
        let workdir = try Workdir()
        let gate = TestPeers.repository.appendingPathComponent("gates/examples/repo-triage-faults.yaml").path
        let run = try await workdir.modegate(["run", gate, "--report", "html:report.html", "--report", "json:verdict.json"])
        #expect(run.status == 1, "\(run.errors)")
        let verdict = try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent("verdict.json"), encoding: .utf8))
        let gates = verdict["gates"]?.arrayValue?.count ?? 0
        let explained = try await workdir.modegate(["explain", "--json", "--limit", "1000"])
        #expect(explained.status == 0, "\(explained.errors)")
        let losses = try JSONValue.parse(explained.output)["losses"]?.arrayValue ?? []
        let expected = losses.map { JSONValue.string("\($0["preset"]?.stringValue ?? "")/\($0["case_id"]?.stringValue ?? "")") }
        #expect(!expected.isEmpty)
        let screenshot = TestPeers.repository.appendingPathComponent(".build/report-screenshot.png").path
        let check = try await TestPeers.offPool {
            try Self.run([python, TestPeers.script("html_report_check.py"), workdir.url.appendingPathComponent("report.html").path,
                          screenshot, String(gates), JSONValue.array(expected).jsonText])
        }
        #expect(check.status == 0, "\(check.errors)\n\(check.output)")
    }

    static func run(_ command: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: printed, as: UTF8.self), String(decoding: complaints, as: UTF8.self))
    }
}
