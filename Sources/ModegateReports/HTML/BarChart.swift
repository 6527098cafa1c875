import Foundation

/// A small grouped bar chart in SVG: one group per row label (all paired cases, then each
/// preset), a baseline and a candidate bar in each, every bar labelled with its value so the
/// chart reads without its colours. Bars share one scale from zero to the largest value.
struct BarChart {
    /// One group: a label and both arms' values.
    struct Group {
        var label: String
        var baseline: Double
        var candidate: Double
    }

    static let width = 400.0
    static let labelWidth = 150.0
    static let barHeight = 11.0
    static let groupGap = 10.0

    let title: String
    let groups: [Group]
    let format: (Double) -> String

    /// The chart as a `<figure>` with its title.
    func html() -> String {
        let groupHeight = Self.barHeight * 2 + 2 + Self.groupGap
        let height = Double(groups.count) * groupHeight + 6
        let largest = groups.flatMap { [$0.baseline, $0.candidate] }.filter(\.isFinite).max() ?? 0
        let plotWidth = Self.width - Self.labelWidth - 64
        func length(_ value: Double) -> Double {
            guard largest > 0, value.isFinite, value > 0 else { return 0 }
            return ForestPlot.round(value / largest * plotWidth)
        }
        var out = #"<figure class="chart"><figcaption>\#(HTMLEscaping.escape(title))</figcaption>"#
        out += #"<svg role="img" viewBox="0 0 \#(Self.width) \#(height)" width="100%" aria-label="\#(HTMLEscaping.escape(title)) per arm" xmlns="http://www.w3.org/2000/svg">"#
        for (index, group) in groups.enumerated() {
            let y = Double(index) * groupHeight + 2
            out += #"<text class="bar-label" x="\#(Self.labelWidth - 8)" y="\#(y + Self.barHeight + 4)" text-anchor="end">\#(HTMLEscaping.escape(group.label))</text>"#
            for (offset, (arm, value)) in [("baseline", group.baseline), ("candidate", group.candidate)].enumerated() {
                let top = y + Double(offset) * (Self.barHeight + 2)
                let bar = length(value)
                out += #"<rect class="bar bar-\#(arm)" x="\#(Self.labelWidth)" y="\#(top)" width="\#(bar)" height="\#(Self.barHeight)"><title>\#(arm) \#(HTMLEscaping.escape(format(value)))</title></rect>"#
                out += #"<text class="bar-value" x="\#(Self.labelWidth + bar + 4)" y="\#(top + Self.barHeight - 2)">\#(HTMLEscaping.escape(format(value)))</text>"#
            }
        }
        return out + "</svg></figure>"
    }
}
