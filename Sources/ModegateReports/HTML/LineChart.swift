import Foundation

/// A small line chart in SVG: a metric against sweep size, one line per series (baseline,
/// candidate, or their ratio) with its interval as a shaded band, points labelled by a `<title>`,
/// an optional reference line (ratio 1) and an optional crossover mark — a dashed vertical line
/// at the estimate over a shaded band for its interval. Size runs on a log axis (1 to 1,000 items
/// must all be readable); values on a log axis too when they span decades (tokens, bytes).
struct LineChart {
    /// One plotted value with its interval.
    struct Point {
        var x: Double
        var y: Double?
        var lower: Double?
        var upper: Double?
    }

    /// One line.
    struct Series {
        /// `baseline`, `candidate` or `ratio`: its CSS class and the legend's word.
        var role: String
        var label: String
        var points: [Point]
    }

    /// Where the crossover is, to mark.
    struct Crossover {
        var x: Double
        var lower: Double?
        var upper: Double?
        var label: String
    }

    static let width = 520.0
    static let height = 280.0
    static let left = 62.0
    static let right = 16.0
    static let top = 14.0
    static let bottom = 44.0

    let title: String
    let metric: String
    /// The x ticks: each swept size and its label.
    let ticks: [(x: Double, label: String)]
    let series: [Series]
    let logY: Bool
    /// A horizontal line at this value (1 for a ratio).
    var reference: Double?
    var crossover: Crossover?
    /// The size from which the candidate is shown to pay, flagged on the x axis.
    var paysFrom: (x: Double, label: String)?
    let format: (Double) -> String

    /// The chart as a `<figure>` with its caption.
    func html() -> String {
        let xs = XScale(ticks.map(\.x), from: Self.left, to: Self.width - Self.right)
        let values = series.flatMap { $0.points.flatMap { [$0.y, $0.lower, $0.upper] } }.compactMap { $0 } + (reference.map { [$0] } ?? [])
        let ys = YScale(values, log: logY, from: Self.height - Self.bottom, to: Self.top)
        var out = #"<figure class="chart sweep-figure" data-metric="\#(HTMLEscaping.escape(metric))"><figcaption>\#(HTMLEscaping.escape(title))</figcaption>"#
        out += #"<svg class="sweep-chart" role="img" viewBox="0 0 \#(Self.width) \#(Self.height)" width="100%" aria-label="\#(HTMLEscaping.escape(title)) against fan-out" xmlns="http://www.w3.org/2000/svg">"#
        out += axes(xs, ys)
        if let crossover { out += mark(crossover, xs) }
        if let paysFrom { out += flag(paysFrom, xs) }
        if let reference {
            let y = ForestPlot.round(ys.position(reference))
            out += #"<line class="reference" x1="\#(Self.left)" y1="\#(y)" x2="\#(Self.width - Self.right)" y2="\#(y)"/>"#
        }
        for line in series { out += draw(line, xs, ys) }
        return out + "</svg></figure>"
    }

    private func axes(_ xs: XScale, _ ys: YScale) -> String {
        let bottom = Self.height - Self.bottom
        var out = #"<line class="axis" x1="\#(Self.left)" y1="\#(bottom)" x2="\#(Self.width - Self.right)" y2="\#(bottom)"/>"#
        out += #"<line class="axis" x1="\#(Self.left)" y1="\#(Self.top)" x2="\#(Self.left)" y2="\#(bottom)"/>"#
        for tick in ticks {
            let x = ForestPlot.round(xs.position(tick.x))
            out += #"<line class="tick" x1="\#(x)" y1="\#(bottom)" x2="\#(x)" y2="\#(bottom + 4)"/>"#
            out += #"<text class="tick-label" x="\#(x)" y="\#(bottom + 16)" text-anchor="middle">\#(HTMLEscaping.escape(tick.label))</text>"#
        }
        out += #"<text class="axis-title" x="\#((Self.left + Self.width - Self.right) / 2)" y="\#(Self.height - 6)" text-anchor="middle">shape (fan-out = shards × candidates, log scale)</text>"#
        for value in ys.ticks {
            let y = ForestPlot.round(ys.position(value))
            out += #"<line class="grid" x1="\#(Self.left)" y1="\#(y)" x2="\#(Self.width - Self.right)" y2="\#(y)"/>"#
            out += #"<text class="tick-label" x="\#(Self.left - 6)" y="\#(y + 4)" text-anchor="end">\#(HTMLEscaping.escape(format(value)))</text>"#
        }
        return out
    }

    private func mark(_ crossover: Crossover, _ xs: XScale) -> String {
        let bottom = Self.height - Self.bottom
        var out = #"<g class="crossover-mark">"#
        out += "<title>\(HTMLEscaping.escape(crossover.label))</title>"
        if let lower = crossover.lower, let upper = crossover.upper {
            let a = ForestPlot.round(xs.position(lower)), b = ForestPlot.round(xs.position(upper))
            out += #"<rect class="crossover-band" x="\#(a)" y="\#(Self.top)" width="\#(ForestPlot.round(max(1, b - a)))" height="\#(bottom - Self.top)"/>"#
        }
        let x = ForestPlot.round(xs.position(crossover.x))
        out += #"<line class="crossover-line" x1="\#(x)" y1="\#(Self.top)" x2="\#(x)" y2="\#(bottom)"/>"#
        let anchor = x > Self.width * 0.7 ? "end" : "start"
        out += #"<text class="crossover-label" x="\#(anchor == "end" ? x - 4 : x + 4)" y="\#(Self.top + 24)" text-anchor="\#(anchor)">\#(HTMLEscaping.escape(crossover.label))</text>"#
        return out + "</g>"
    }

    /// A triangle on the x axis under the size from which the candidate pays, and its words.
    private func flag(_ paysFrom: (x: Double, label: String), _ xs: XScale) -> String {
        let bottom = Self.height - Self.bottom
        let x = ForestPlot.round(xs.position(paysFrom.x))
        var out = #"<g class="pays-from-mark"><title>\#(HTMLEscaping.escape(paysFrom.label))</title>"#
        out += #"<path class="pays-from" d="M\#(x) \#(bottom - 10)L\#(x + 6) \#(bottom)L\#(x - 6) \#(bottom)Z"/>"#
        let anchor = x > Self.width * 0.7 ? "end" : "start"
        out += #"<text class="pays-from-label" x="\#(anchor == "end" ? x - 8 : x + 8)" y="\#(bottom - 4)" text-anchor="\#(anchor)">\#(HTMLEscaping.escape(paysFrom.label))</text>"#
        return out + "</g>"
    }

    private func draw(_ line: Series, _ xs: XScale, _ ys: YScale) -> String {
        var out = #"<g class="series series-\#(line.role)">"#
        let banded = line.points.filter { $0.lower != nil && $0.upper != nil }
        if banded.count > 1 {
            let upper = banded.map { "\(ForestPlot.round(xs.position($0.x))),\(ForestPlot.round(ys.position($0.upper!)))" }
            let lower = banded.reversed().map { "\(ForestPlot.round(xs.position($0.x))),\(ForestPlot.round(ys.position($0.lower!)))" }
            out += #"<polygon class="band" points="\#((upper + lower).joined(separator: " "))"/>"#
        }
        let drawn = line.points.filter { $0.y != nil }
        out += #"<polyline class="line" points="\#(drawn.map { "\(ForestPlot.round(xs.position($0.x))),\(ForestPlot.round(ys.position($0.y!)))" }.joined(separator: " "))"/>"#
        for (point, tick) in zip(line.points, ticks) {
            guard let y = point.y else { continue }
            var label = "\(line.label) at \(tick.label): \(format(y))"
            if let lower = point.lower, let upper = point.upper { label += " [\(format(lower)), \(format(upper))]" }
            out += #"<circle class="point" cx="\#(ForestPlot.round(xs.position(point.x)))" cy="\#(ForestPlot.round(ys.position(y)))" r="3.5"><title>\#(HTMLEscaping.escape(label))</title></circle>"#
        }
        return out + "</g>"
    }

    /// log(fan-out) onto the plot's width, half a step of room either side.
    struct XScale {
        let low: Double
        let high: Double
        let from: Double
        let to: Double

        init(_ values: [Double], from: Double, to: Double) {
            let logs = values.filter { $0 > 0 }.map(Foundation.log)
            var low = logs.min() ?? 0, high = logs.max() ?? 1
            let pad = max((high - low) * 0.06, 0.3)
            low -= pad
            high += pad
            (self.low, self.high, self.from, self.to) = (low, high, from, to)
        }

        func position(_ value: Double) -> Double {
            let fraction = (Foundation.log(max(value, 1e-9)) - low) / (high - low)
            return from + min(1, max(0, fraction)) * (to - from)
        }
    }

    /// Values onto the plot's height, linear or log, with round ticks.
    struct YScale {
        let low: Double
        let high: Double
        let log: Bool
        let from: Double
        let to: Double
        let ticks: [Double]

        init(_ values: [Double], log: Bool, from: Double, to: Double) {
            let finite = values.filter { $0.isFinite && (!log || $0 > 0) }
            var low = finite.min() ?? 0, high = finite.max() ?? 1
            if log {
                low = Foundation.log10(low)
                high = Foundation.log10(high)
                if high - low < 0.3 { low -= 0.15; high += 0.15 }
                let pad = (high - low) * 0.05
                low -= pad
                high += pad
                var ticks: [Double] = []
                let steps: [Double] = high - low < 2 ? [1, 2, 5] : [1]
                for exponent in Int(low.rounded(.down))...Int(high.rounded(.up)) {
                    for step in steps {
                        let value = step * Foundation.pow(10, Double(exponent))
                        if Foundation.log10(value) >= low, Foundation.log10(value) <= high { ticks.append(value) }
                    }
                }
                self.ticks = ticks
            } else {
                low = min(low, 0)
                if high - low < 1e-9 { high = low + 1 }
                high += (high - low) * 0.08
                let step = YScale.niceStep((high - low) / 4)
                self.ticks = stride(from: (low / step).rounded(.up) * step, through: high, by: step).map { $0 }
            }
            (self.low, self.high, self.log, self.from, self.to) = (low, high, log, from, to)
        }

        func position(_ value: Double) -> Double {
            let v = log ? Foundation.log10(max(value, 1e-12)) : value
            let fraction = (v - low) / (high - low)
            return from + min(1, max(0, fraction)) * (to - from)
        }

        /// 1, 2 or 5 times a power of ten, near `raw`.
        static func niceStep(_ raw: Double) -> Double {
            guard raw > 0 else { return 1 }
            let power = Foundation.pow(10, Foundation.log10(raw).rounded(.down))
            let fraction = raw / power
            return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power
        }
    }
}
