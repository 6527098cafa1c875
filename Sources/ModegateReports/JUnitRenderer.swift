import Foundation
import ModegateCore

/// JUnit XML for CI test dashboards: one `<testsuite name="modegate">` with one test case per gate.
/// A failed gate is a `<failure>`. An inconclusive gate is `<skipped>`: JUnit has no third outcome,
/// and "not decided yet" is closer to a skipped test than to a failed one; the exit code (2) and
/// the verdict still say inconclusive. An error verdict is a single `judge` test case with `<error>`.
public struct JUnitRenderer: VerdictRenderer {
    /// Creates the renderer.
    public init() {}

    /// Renders the XML document.
    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        let cases = verdict.status == .error ? [judgeCase(verdict)] : verdict.gates.map(gateCase)
        let failures = verdict.gates.filter { $0.status == .fail }.count
        let skipped = verdict.gates.filter { $0.status == .inconclusive }.count
        let errors = verdict.status == .error ? 1 : 0
        let suite = attributes([
            ("name", "modegate"), ("tests", String(cases.count)), ("failures", String(verdict.status == .error ? 0 : failures)),
            ("errors", String(errors)), ("skipped", String(verdict.status == .error ? 0 : skipped)), ("time", "0"),
            ("timestamp", Self.timestamp(context.generatedAt)),
        ])
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<testsuite\(suite)>", "  <properties>"]
        let properties = [
            ("modegate.version", context.toolVersion), ("verdict", verdict.status.rawValue),
            ("exit_code", String(verdict.exitStatus.rawValue)), ("decision", verdict.decision),
            ("mode", verdict.judgement.mode.rawValue), ("candidate", ReportText.arm(verdict.candidate)),
            ("baseline", ReportText.arm(verdict.baseline)),
        ]
        lines += properties.map { "    <property\(attributes([("name", $0.0), ("value", $0.1)]))/>" }
        lines.append("  </properties>")
        lines += cases
        if !verdict.warnings.isEmpty {
            let text = verdict.warnings.map { "warning: \($0)" }.joined(separator: "\n")
            lines.append("  <system-out>\(Self.escape(text, attribute: false))</system-out>")
        }
        lines.append("</testsuite>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func gateCase(_ gate: GateResult) -> String {
        let open = "  <testcase\(attributes([("classname", "modegate.gates"), ("name", gate.name.rawValue), ("time", "0")]))"
        let message = GateFigures.summary(gate)
        switch gate.status {
        case .pass:
            return open + "/>"
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
