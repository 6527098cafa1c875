import Foundation
import ModegateCore

/// The gates as a forest plot in SVG: one row per gate, its estimate as a mark and (statistical
/// mode) its interval as a bar, against a dashed line at its threshold with the passing side
/// shaded. Gates measure different things (a reward delta, a count, a ratio), so each row has its
/// own scale around its threshold; the figures are written beside each row. Status is told three
/// ways — colour, the mark's shape (circle pass, square fail, diamond inconclusive) and the word —
/// so the plot reads in greyscale and to colour-blind readers.
struct ForestPlot {
    static let width = 820.0
    static let rowHeight = 46.0
    static let labelWidth = 210.0
    static let plotWidth = 330.0
    static let top = 34.0

    let gates: [GateResult]
    /// `forest` for the verdict's plot; the preset panels' small plots take their own class, so
    /// a page (and its browser test) can tell the overall plot from theirs.
    var cssClass = "forest"
    /// The plot's accessible name; nil says how many gates it shows.
    var label: String? = nil

    /// The whole `<svg>` element.
    func svg() -> String {
        let height = Self.top + Double(gates.count) * Self.rowHeight + 8
        let name = HTMLEscaping.escape(label ?? "Forest plot of \(gates.count) gates against their thresholds")
        var out = #"<svg class="\#(cssClass)" role="img" viewBox="0 0 \#(Self.width) \#(height)" width="100%" "#
            + #"aria-label="\#(name)" xmlns="http://www.w3.org/2000/svg">"#
        out += legend()
        for (index, gate) in gates.enumerated() {
            out += row(gate, y: Self.top + Double(index) * Self.rowHeight)
        }
        return out + "</svg>"
    }

    private func legend() -> String {
        var out = #"<g class="legend" transform="translate(\#(Self.labelWidth),12)">"#
        var x = 0.0
        for status in GateResult.Status.allCases {
            out += Self.mark(status, x: x + 6, y: 0, size: 5)
            out += #"<text x="\#(x + 16)" y="4">\#(status.rawValue)</text>"#
            x += 110
        }
        out += #"<line x1="\#(x + 6)" y1="-7" x2="\#(x + 6)" y2="7" class="threshold"/>"#
        out += #"<text x="\#(x + 16)" y="4">threshold</text>"#
        out += #"<rect x="\#(x + 100)" y="-6" width="18" height="12" class="passing-side"/>"#
        out += #"<text x="\#(x + 124)" y="4">passing side</text>"#
        return out + "</g>"
    }

    private func row(_ gate: GateResult, y: Double) -> String {
        let figures = GateFigures(gate)
        let middle = y + Self.rowHeight / 2
        let scale = Scale(gate)
        let x0 = Self.labelWidth
        let x1 = Self.labelWidth + Self.plotWidth
        func position(_ value: Double) -> Double { x0 + scale.fraction(value) * Self.plotWidth }
        let title = HTMLEscaping.escape(gate.title)
        var out = #"<g class="gate-row status-\#(gate.status.rawValue)" data-gate="\#(gate.key)">"#
        out += #"<title>\#(title): \#(HTMLEscaping.escape(gate.detail))</title>"#
        out += #"<text class="gate-name" x="0" y="\#(middle + 4)">\#(title)</text>"#
        out += #"<line class="axis" x1="\#(x0)" y1="\#(middle)" x2="\#(x1)" y2="\#(middle)"/>"#
        let threshold = position(gate.threshold)
        let passStart = gate.comparison == .atLeast ? threshold : x0
        let passEnd = gate.comparison == .atLeast ? x1 : threshold
        out += #"<rect class="passing-side" x="\#(Self.round(passStart))" y="\#(middle - 13)" width="\#(Self.round(max(0, passEnd - passStart)))" height="26"/>"#
        out += #"<line class="threshold" x1="\#(Self.round(threshold))" y1="\#(middle - 16)" x2="\#(Self.round(threshold))" y2="\#(middle + 16)"/>"#
        if let interval = gate.interval, interval.lower.isFinite, interval.upper.isFinite {
            let left = Self.round(position(interval.lower))
            let right = Self.round(position(interval.upper))
            out += #"<line class="interval" x1="\#(left)" y1="\#(middle)" x2="\#(right)" y2="\#(middle)"/>"#
            out += #"<line class="interval" x1="\#(left)" y1="\#(middle - 6)" x2="\#(left)" y2="\#(middle + 6)"/>"#
            out += #"<line class="interval" x1="\#(right)" y1="\#(middle - 6)" x2="\#(right)" y2="\#(middle + 6)"/>"#
        }
        if gate.observed.isFinite {
            out += Self.mark(gate.status, x: Self.round(position(gate.observed)), y: middle, size: 7)
        } else {
            // No estimate (a ratio over a zero baseline): a hollow mark on the threshold says so.
            out += #"<circle class="mark mark-missing" cx="\#(Self.round(threshold))" cy="\#(middle)" r="6"/>"#
        }
        var figuresText = "\(figures.observed)"
        if !figures.evidence.isEmpty { figuresText += "  \(figures.evidence)" }
        out += #"<text class="gate-figures" x="\#(x1 + 16)" y="\#(middle - 2)">\#(HTMLEscaping.escape(figuresText))</text>"#
        out += #"<text class="gate-bound" x="\#(x1 + 16)" y="\#(middle + 13)">\#(HTMLEscaping.escape(figures.bound))</text>"#
        out += #"<text class="gate-status" x="\#(Self.width - 4)" y="\#(middle + 4)" text-anchor="end">\#(figures.statusLabel)</text>"#
        return out + "</g>"
    }

    /// A status's mark: circle (pass), square (fail), diamond (inconclusive).
    static func mark(_ status: GateResult.Status, x: Double, y: Double, size: Double) -> String {
        let classes = "mark mark-\(status.rawValue)"
        switch status {
        case .pass:
            return #"<circle class="\#(classes)" cx="\#(x)" cy="\#(y)" r="\#(size)"/>"#
        case .fail:
            return #"<rect class="\#(classes)" x="\#(Self.round(x - size))" y="\#(Self.round(y - size))" width="\#(size * 2)" height="\#(size * 2)"/>"#
        case .inconclusive:
            let s = size * 1.3
            return #"<path class="\#(classes)" d="M\#(x) \#(Self.round(y - s))L\#(Self.round(x + s)) \#(y)L\#(x) \#(Self.round(y + s))L\#(Self.round(x - s)) \#(y)Z"/>"#
        }
    }

    /// Two decimals are plenty for a pixel.
    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// A row's scale: the threshold, the estimate and the interval, with some room either side.
    struct Scale {
        let lower: Double
        let upper: Double

        init(_ gate: GateResult) {
            let values = [gate.threshold, gate.observed, gate.interval?.lower, gate.interval?.upper]
                .compactMap { $0 }.filter(\.isFinite)
            var low = values.min() ?? 0
            var high = values.max() ?? 1
            if high - low < 1e-9 {
                let spread = max(abs(high) * 0.5, Self.minimumSpread(gate.name))
                low -= spread
                high += spread
            }
            let pad = (high - low) * 0.18
            lower = low - pad
            upper = high + pad
        }

        func fraction(_ value: Double) -> Double { min(1, max(0, (value - lower) / (upper - lower))) }

        /// Room around a lone value: a count needs a whole unit, a delta a tenth.
        static func minimumSpread(_ name: GateResult.Name) -> Double {
            switch GateFigures.Kind(name) {
            case .count: 1
            case .delta, .rateDelta, .rate, .increaseRatio: 0.1
            }
        }
    }
}
