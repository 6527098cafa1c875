import ModegateCore

/// GitHub Actions workflow commands for stdout: an `::error` annotation per failed gate, a
/// `::warning` per inconclusive gate and per verdict warning, and a closing `::notice` with the
/// verdict. Preset gates are annotated only when they count (`thresholds.per_preset`); otherwise
/// they appear in the step summary's "By preset" tables alone. `stepSummary` gives the Markdown
/// the CLI appends to `$GITHUB_STEP_SUMMARY`.
public struct GitHubRenderer: VerdictRenderer {
    /// Creates the renderer.
    public init() {}

    /// Renders one workflow command per line.
    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        var lines: [String] = []
        if verdict.status == .error {
            lines.append(Self.command("error", title: "modegate judge", message: verdict.errorMessage ?? "the runs could not be judged"))
        }
        let presetGates = ReportText.presets(verdict).filter { $0.preset.counts }.flatMap { name, preset in
            preset.gates.map { ("modegate gate \($0.key) (preset \(name))", $0) }
        }
        for (title, gate) in verdict.gates.map({ ("modegate gate \($0.key)", $0) }) + presetGates {
            switch gate.status {
            case .fail: lines.append(Self.command("error", title: title, message: GateFigures.summary(gate)))
            case .inconclusive: lines.append(Self.command("warning", title: title, message: GateFigures.summary(gate)))
            case .pass: break
            }
        }
        for warning in verdict.warnings {
            lines.append(Self.command("warning", title: "modegate", message: warning))
        }
        let arms = "candidate \(ReportText.arm(verdict.candidate)) vs baseline \(ReportText.arm(verdict.baseline))"
        let summary = "\(ReportText.verdictLine(verdict)); decision: \(verdict.decision); \(arms)"
        lines.append(Self.command("notice", title: "modegate verdict", message: summary))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The decision document for `$GITHUB_STEP_SUMMARY`: the same checklist `--report markdown` writes.
    public static func stepSummary(_ verdict: Verdict, context: ReportContext) -> String {
        DecisionDocument.standard.render(verdict, context: context)
    }

    /// `::kind title=…::message`, escaped as the Actions runner expects so that a `%`, a line
    /// break, or a `:`/`,` in a title cannot end the command early or smuggle in another one.
    static func command(_ kind: String, title: String, message: String) -> String {
        "::\(kind) title=\(escapeProperty(title))::\(escapeData(message))"
    }

    /// Escaping for the message after `::` (the runner's `escapeData`).
    static func escapeData(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Escaping for a property value such as `title=` (the runner's `escapeProperty`).
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
