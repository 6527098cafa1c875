import Foundation
import ModegateCore

/// The HTML report's document, section by section. Everything a reader sees at first — verdict,
/// gates, costs, presets, charts — is static markup and SVG written here, so it shows (and can be
/// golden-tested) without the script; the case table and the case panels are drawn by the page's
/// script from the embedded data (`ReportPayload`), which keeps a 10,000-case page's markup small.
struct HTMLPage {
    let verdict: Verdict
    let evidence: ReportEvidence
    let context: ReportContext

    func document() -> String {
        let status = ReportText.statusLabel(verdict.status)
        let title = "modegate \(status): \(verdict.candidate.id) vs \(verdict.baseline.id)"
        var body = [header()]
        if verdict.status == .error {
            body.append(section("Why the runs could not be judged", #"<p class="error-text">\#(escape(verdict.errorMessage ?? "the runs could not be judged"))</p>"#))
        } else {
            // The panels (a pass over every case) feed both the preset section and the charts.
            let panels = PresetPanel.panels(verdict, evidence: evidence)
            body += [gates(), costs(), presets(panels), charts(panels), cases()]
        }
        body.append(footer())
        return HTMLDocument(
            title: title, toolVersion: context.toolVersion, style: Self.style, body: body,
            afterMain: [
                #"<div id="case-panel" class="panel" hidden role="dialog" aria-modal="true" aria-labelledby="case-panel-title"></div>"#,
                #"<script type="application/json" id="modegate-data">\#(EmbeddedJSON.scriptSafe(ReportPayload(evidence: evidence).json().jsonText))</script>"#,
            ],
            script: Self.script
        ).rendered()
    }

    // MARK: Sections

    func header() -> String {
        let status = verdict.status.rawValue
        var out = #"<header class="verdict status-\#(status)"><div class="verdict-badge"><span class="verdict-word">\#(ReportText.statusLabel(verdict.status))</span>"#
        out += #"<span class="decision">decision: <strong>\#(verdict.decision)</strong></span></div><div class="verdict-text">"#
        out += #"<h1>Promote <code>\#(escape(verdict.candidate.strategy?.rawValue ?? "candidate"))</code> over <code>\#(escape(verdict.baseline.strategy?.rawValue ?? "baseline"))</code>?</h1>"#
        out += #"<p class="verdict-line">\#(escape(ReportText.verdictLine(verdict)))</p>"#
        out += #"<p class="meta">\#(escape(ReportText.mode(verdict.judgement))) · \#(verdict.coverage.pairedCases) paired cases, \#(verdict.coverage.pairedTrials) paired trials</p>"#
        if !verdict.armDifferences.isEmpty {
            out += #"<p class="arm-differences">The arms differ in: \#(escape(verdict.armDifferences.joined(separator: "; ")))</p>"#
        }
        let servers = [("baseline", verdict.baseline), ("candidate", verdict.candidate)].compactMap { name, arm in
            ReportText.serverAdoption(arm).map { "\(name): \($0)" }
        }
        if !servers.isEmpty {
            out += #"<p class="server-adoption">MCP server adoption — \#(escape(servers.joined(separator: "; ")))</p>"#
        }
        out += "</div></header>"
        out += arms()
        if !verdict.warnings.isEmpty {
            out += #"<ul class="warnings">"# + verdict.warnings.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        }
        return out
    }

    func arms() -> String {
        var out = #"<table class="arms"><thead><tr><th>arm</th><th>run</th><th>strategy</th><th class="num">trials</th><th class="num">avg reward</th><th class="num">completion</th><th class="num">avg steps</th></tr></thead><tbody>"#
        for (role, arm) in [("baseline", verdict.baseline), ("candidate", verdict.candidate)] {
            let metrics = arm.metrics
            out += #"<tr><td><span class="swatch swatch-\#(role)"></span>\#(role)</td><td><code>\#(escape(arm.id))</code></td><td>\#(escape(arm.strategy?.rawValue ?? "unknown"))</td>"#
            out += #"<td class="num">\#(metrics.trials)</td><td class="num">\#(String(format: "%.3f", metrics.avgReward))</td>"#
            out += #"<td class="num">\#(String(format: "%.1f%%", metrics.completionRate * 100))</td><td class="num">\#(String(format: "%.3f", metrics.avgSteps))</td></tr>"#
        }
        return out + "</tbody></table>"
    }

    func gates() -> String {
        var out = ForestPlot(gates: verdict.gates).svg()
        out += #"<table class="gates"><thead><tr><th>gate</th><th class="num">observed</th><th class="num">threshold</th><th>interval</th><th>status</th></tr></thead><tbody>"#
        for gate in verdict.gates {
            let figures = GateFigures(gate)
            out += #"<tr class="status-\#(gate.status.rawValue)"><td>\#(escape(gate.title))<div class="detail">\#(escape(gate.detail))</div></td>"#
            out += #"<td class="num">\#(escape(figures.observed))</td><td class="num">\#(escape(figures.bound))</td><td>\#(escape(figures.evidence))</td>"#
            out += #"<td><span class="status-label">\#(figures.statusLabel)</span></td></tr>"#
        }
        return section("Gates", out + "</tbody></table>", id: "gates")
    }

    func costs() -> String {
        let panel = CostsPanel.panel(verdict)
        guard let heading = panel.heading else {
            return section("Costs", #"<p class="meta">No trial paired: there are no costs to compare.</p>"#, id: "costs")
        }
        let showInterval = panel.rows.contains { !$0.interval.isEmpty }
        var out = #"<p class="meta">\#(escape(heading))</p><div class="scroll"><table class="costs"><thead><tr><th>figure</th><th class="num">baseline</th><th class="num">candidate</th><th class="num">delta</th><th class="num">ratio</th>"#
        out += (showInterval ? #"<th class="num">interval</th>"# : "") + "</tr></thead><tbody>"
        for row in panel.rows {
            let tone = row.candidateBetter.map { $0 ? "better" : "worse" } ?? ""
            out += #"<tr><td>\#(escape(row.title))</td><td class="num">\#(escape(row.baseline))</td><td class="num">\#(escape(row.candidate))</td>"#
            out += #"<td class="num \#(tone)">\#(escape(row.delta))</td><td class="num">\#(escape(row.ratio))</td>"#
            out += (showInterval ? #"<td class="num">\#(escape(row.interval))</td>"# : "") + "</tr>"
        }
        return section("Costs", out + "</tbody></table></div>", id: "costs")
    }

    func presets(_ panels: [PresetPanel]) -> String {
        guard !panels.isEmpty else { return section("Presets", unavailable(), id: "presets") }
        var out = #"<div class="preset-grid">"#
        for panel in panels {
            out += #"<article class="preset" data-preset="\#(escape(panel.preset))"><h3>\#(escape(panel.preset))</h3>"#
            if panel.hasArmFigures {
                out += #"<p class="meta">\#(panel.cases) cases · <span class="loss-text">\#(panel.regressions) regressions</span> · <span class="gain-text">\#(panel.gains) gains</span></p>"#
                out += #"<table><thead><tr><th></th><th class="num">reward</th><th class="num">completion</th><th class="num">steps</th></tr></thead><tbody>"#
                for (role, figures) in [("baseline", panel.baseline), ("candidate", panel.candidate)] {
                    out += #"<tr><td><span class="swatch swatch-\#(role)"></span>\#(role)</td><td class="num">\#(String(format: "%.3f", figures.meanReward))</td>"#
                    out += #"<td class="num">\#(String(format: "%.1f%%", figures.completionRate * 100))</td><td class="num">\#(String(format: "%.2f", figures.meanSteps))</td></tr>"#
                }
                out += "</tbody></table>"
            } else {
                out += #"<p class="meta">\#(panel.cases) paired cases; no transcripts to show the arms' figures</p>"#
            }
            if !panel.gates.isEmpty {
                // A small forest per preset: each gate's interval against its threshold, pass or fail.
                let reading = panel.counts ? "these gates count" : "descriptive: these gates do not count"
                out += #"<p class="meta preset-status status-\#(panel.status?.rawValue ?? "")"><span class="status-label">\#(panel.status.map(ReportText.statusLabel) ?? "")</span> \#(escape(reading))</p>"#
                out += ForestPlot(gates: panel.gates, cssClass: "preset-forest", label: "Forest plot of \(panel.preset)'s gates").svg()
            }
            out += "</article>"
        }
        return section("Presets", out + "</div>", id: "presets")
    }

    func charts(_ panels: [PresetPanel]) -> String {
        guard !panels.isEmpty else { return "" }
        let all = (ArmFigures(evidence.cases.flatMap(\.baseline)), ArmFigures(evidence.cases.flatMap(\.candidate)))
        let rows = [("all paired", all.0, all.1)] + panels.map { ($0.preset, $0.baseline, $0.candidate) }
        func chart(_ title: String, _ value: (ArmFigures) -> Double, _ format: @escaping (Double) -> String) -> String {
            BarChart(title: title, groups: rows.map { .init(label: $0.0, baseline: value($0.1), candidate: value($0.2)) }, format: format).html()
        }
        var out = #"<p class="legend-line"><span class="swatch swatch-baseline"></span>baseline (\#(escape(verdict.baseline.strategy?.rawValue ?? "unknown"))) <span class="swatch swatch-candidate"></span>candidate (\#(escape(verdict.candidate.strategy?.rawValue ?? "unknown")))</p><div class="chart-grid">"#
        out += chart("Mean reward", \.meanReward) { String(format: "%.3f", $0) }
        out += chart("Completion rate", \.completionRate) { String(format: "%.1f%%", $0 * 100) }
        out += chart("Mean tokens per trial", \.meanTokens) { String(format: "%.0f", $0) }
        out += chart("Mean model requests per trial", \.meanSteps) { String(format: "%.2f", $0) }
        out += chart("Mean latency per trial", \.meanSeconds) { Self.seconds($0) }
        return section("Charts", out + "</div>", id: "charts")
    }

    func cases() -> String {
        guard evidence.unavailable == nil else { return section("Cases", unavailable(), id: "cases") }
        let selection = evidence.selection
        var note = "Click a row to open both arms' trials side by side."
        if selection.cases.count < evidence.cases.count {
            note += " Transcripts are embedded for \(selection.cases.count) of \(evidence.cases.count) cases (regressions, errors, gains, flaky and differing cases first"
                + (selection.tellingLeftOut > 0 ? "; \(selection.tellingLeftOut) such cases did not fit" : "")
                + "); the others' panels name their transcripts.jsonl lines."
        }
        var filters = #"<div class="filters" role="group" aria-label="Filter cases">"#
        for filter in CaseFilter.allCases {
            filters += #"<button type="button" data-filter="\#(filter.rawValue)"\#(filter == .all ? #" class="active" aria-pressed="true""# : #" aria-pressed="false""#)>\#(filter.title) <span class="count"></span></button>"#
        }
        filters += #"<input type="search" id="case-search" placeholder="Search cases" aria-label="Search cases"></div>"#
        let body = filters + #"<p class="meta" id="case-summary"></p><p class="meta">\#(escape(note))</p>"#
            + #"<div class="table-wrap"><table id="case-table" class="cases"><thead></thead><tbody></tbody></table></div>"#
            + #"<p id="case-more" hidden><button type="button" id="case-more-button">Show all</button></p>"#
        return section("Cases", body, id: "cases")
    }

    func footer() -> String {
        #"<footer>Generated by modegate \#(escape(context.toolVersion)) at \#(ISO8601Timestamp.format(context.generatedAt)) · baseline <code>\#(escape(verdict.baseline.path))</code> · candidate <code>\#(escape(verdict.candidate.path))</code></footer>"#
    }

    // MARK: Pieces

    func section(_ title: String, _ content: String, id: String? = nil) -> String {
        let anchor = id.map { #" id="\#($0)""# } ?? ""
        return #"<section\#(anchor)><h2>\#(escape(title))</h2>\#(content)</section>"#
    }

    func unavailable() -> String {
        #"<p class="meta">No per-case evidence: \#(escape(evidence.unavailable ?? "the runs have no paired cases")).</p>"#
    }

    func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    static func seconds(_ value: Double) -> String {
        value >= 1 ? String(format: "%.2f s", value) : String(format: "%.0f ms", value * 1000)
    }
}
