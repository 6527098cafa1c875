import Foundation
import ModegateCore

/// JUnit XML for CI test dashboards: `<testsuites>` holding `<testsuite name="modegate">` with one
/// test case per overall gate, then one `<testsuite name="modegate.preset.NAME">` per preset of
/// `by_preset`. A failed gate is a `<failure>`. An inconclusive gate is `<skipped>`: JUnit has no
/// third outcome, and "not decided yet" is closer to a skipped test than to a failed one; the exit
/// code (2) and the verdict still say inconclusive. A preset gate that does not count
/// (`thresholds.per_preset` off) and did not pass is `<skipped>` too, saying so: a failure there
/// would turn CI red while the verdict, which alone decides, passes. An error verdict is a single
/// `judge` test case with `<error>`.
public struct JUnitRenderer: VerdictRenderer {
    /// Creates the renderer.
    public init() {}

    /// Renders the XML document.
    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        let timestamp = Self.timestamp(context.generatedAt)
        let overall = verdict.status == .error
            ? Suite(name: "modegate", cases: [judgeCase(verdict)], failures: 0, errors: 1, skipped: 0)
            : Suite(name: "modegate", gates: verdict.gates.map { ($0, true) }, classname: "modegate.gates", render: gateCase)
        let presets = ReportText.presets(verdict).map { name, preset in
            Suite(name: "modegate.preset.\(name)", gates: preset.gates.map { ($0, preset.counts) },
                  classname: "modegate.preset.\(name)", render: gateCase)
        }
        let suites = [overall] + presets
        let totals = attributes([
            ("name", "modegate"), ("tests", String(suites.map(\.cases.count).reduce(0, +))),
            ("failures", String(suites.map(\.failures).reduce(0, +))), ("errors", String(suites.map(\.errors).reduce(0, +))),
            ("skipped", String(suites.map(\.skipped).reduce(0, +))), ("time", "0"),
        ])
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<testsuites\(totals)>"]
        for (index, suite) in suites.enumerated() {
            let head = attributes([
                ("name", suite.name), ("tests", String(suite.cases.count)), ("failures", String(suite.failures)),
                ("errors", String(suite.errors)), ("skipped", String(suite.skipped)), ("time", "0"), ("timestamp", timestamp),
            ])
            lines.append("<testsuite\(head)>")
            // The verdict's properties and warnings belong to the whole run: on the first suite only.
            if index == 0 { lines += properties(verdict, context: context) }
            lines += suite.cases
            if index == 0, !verdict.warnings.isEmpty {
                let text = verdict.warnings.map { "warning: \($0)" }.joined(separator: "\n")
                lines.append("  <system-out>\(Self.escape(text, attribute: false))</system-out>")
            }
            lines.append("</testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One `<testsuite>`'s test cases and counts.
    private struct Suite {
        var name: String
        var cases: [String]
        var failures: Int
        var errors: Int
        var skipped: Int

        init(name: String, cases: [String], failures: Int, errors: Int, skipped: Int) {
            self.name = name
            self.cases = cases
            self.failures = failures
            self.errors = errors
            self.skipped = skipped
        }

        /// Gates with whether each counts; a gate that does not count never fails the suite.
        init(name: String, gates: [(GateResult, Bool)], classname: String, render: (GateResult, Bool, String) -> String) {
            self.init(
                name: name, cases: gates.map { render($0.0, $0.1, classname) },
                failures: gates.filter { $0.1 && $0.0.status == .fail }.count, errors: 0,
                skipped: gates.filter { $0.0.status == .inconclusive || (!$0.1 && $0.0.status == .fail) }.count)
        }
    }

    private func properties(_ verdict: Verdict, context: ReportContext) -> [String] {
        let properties = [
            ("modegate.version", context.toolVersion), ("verdict", verdict.status.rawValue),
            ("exit_code", String(verdict.exitStatus.rawValue)), ("decision", verdict.decision),
            ("mode", verdict.judgement.mode.rawValue), ("candidate", ReportText.arm(verdict.candidate)),
            ("baseline", ReportText.arm(verdict.baseline)),
        ]
        return ["  <properties>"] + properties.map { "    <property\(attributes([("name", $0.0), ("value", $0.1)]))/>" } + ["  </properties>"]
    }

    private func gateCase(_ gate: GateResult, counts: Bool, classname: String) -> String {
        let open = "  <testcase\(attributes([("classname", classname), ("name", gate.key), ("time", "0")]))"
        let message = GateFigures.summary(gate)
        switch gate.status {
        case .pass:
            return open + "/>"
        case .fail where !counts:
            let skipped = attributes([("message", "fail, but does not count: thresholds.per_preset is off: " + message)])
            return open + ">\n    <skipped\(skipped)/>\n  </testcase>"
        case .fail:
            let failure = attributes([("message", message), ("type", "gate_failed")])
            return open + ">\n    <failure\(failure)>\(Self.escape(gate.detail, attribute: false))</failure>\n  </testcase>"
        case .inconclusive:
            return open + ">\n    <skipped\(attributes([("message", "inconclusive: " + message)]))/>\n  </testcase>"
        }
    }

    private func judgeCase(_ verdict: Verdict) -> String {
        let message = verdict.errorMessage ?? "the runs could not be judged"
        let error = attributes([("message", message), ("type", verdict.errorKind?.rawValue ?? "error")])
        let open = "  <testcase\(attributes([("classname", "modegate"), ("name", "judge"), ("time", "0")]))>"
        return open + "\n    <error\(error)>\(Self.escape(message, attribute: false))</error>\n  </testcase>"
    }

    private func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(Self.escape($0.1, attribute: true))\"" }.joined()
    }

    /// JUnit's schema wants a local date-time without a zone; modegate writes UTC.
    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        return formatter.string(from: date)
    }

    /// XML 1.0 escaping. Attribute values also keep line breaks and tabs as character references
    /// (a parser would fold them to spaces), and characters XML 1.0 cannot carry at all become U+FFFD.
    static func escape(_ text: String, attribute: Bool) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where attribute: escaped += "&quot;"
            case "\n" where attribute: escaped += "&#10;"
            case "\r": escaped += "&#13;"
            case "\t" where attribute: escaped += "&#9;"
            case "\n", "\t": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
