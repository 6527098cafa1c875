import Foundation
import ModegateCore
import Testing

/// The sweep's HTML page in a real browser: `modegate sweep` of the default gate on the scripted
/// model, its page loaded from file:// by headless Chromium through Selenium. Checks that every
/// chart renders, the token-ratio chart marks the crossover inside the plot, and the console is
/// clean; leaves a screenshot at `.build/sweep-screenshot.png`. Fails, never skips, when the
/// browser is missing.
@Suite struct SweepReportBrowserTests {
    @Test func theSweepPageDrawsTheFanOutCrossover() async throws {
        guard let python = TestPeers.python else { return }
        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: program) {
            Issue.record("\(program) is missing: run the suite with `make test`, which installs chromium and chromium-driver")
            return
        }
        let workdir = try Workdir()
        let gate = TestPeers.repository.appendingPathComponent("gates/codemode.yaml").path
        let sweep = try await workdir.modegate(["sweep", gate, "--shapes", "1x1,5x5,10x10", "--cases", "2", "--report", "html:sweep.html", "--json"])
        #expect(sweep.status == 0, "\(sweep.errors)")
        let report = try JSONValue.parse(sweep.output)
        let presets = report["presets"]?.arrayValue?.count ?? 0
        #expect(presets == 2)
        // The fan-out crossover: triage's token ratio crosses 1 inside the swept range.
        let triage = report["presets"]?.arrayValue?.first { $0["preset"]?.stringValue == "repo_triage" }
        #expect(triage?["crossovers"]?.arrayValue?.first?["status"]?.stringValue == "crosses")
        let screenshot = TestPeers.repository.appendingPathComponent(".build/sweep-screenshot.png").path
        let check = try await TestPeers.offPool {
            try HTMLReportBrowserTests.run([python, TestPeers.script("sweep_report_check.py"),
                                            workdir.url.appendingPathComponent("sweep.html").path, screenshot, String(presets)])
        }
        #expect(check.status == 0, "\(check.errors)\n\(check.output)")
    }
}
