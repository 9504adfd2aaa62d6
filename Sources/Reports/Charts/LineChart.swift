import RunResults

/// An SVG line chart: a few series over a shared x axis, drawn in Swift so the report needs no script.
///
/// A series is split into separate segments wherever consecutive x values are further apart than
/// `gap` (a second without a snapshot shows as a gap, never as an invented line).
struct LineChart {
    /// One named line.
    struct Series {
        let name: String
        let points: [(x: Double, y: Double)]
    }

    /// How the x axis is labelled.
    enum XAxis {
        /// Seconds since the first point: labels `0s`, `30s`, `1m 30s`.
        case elapsedSeconds
        /// `log10(1 / (1 - percentile))`: labels `0%`, `90%`, `99%`, `99.9%` (HdrHistogram style).
        case percentileDecades
    }

    let id: String
    let title: String
    let xAxis: XAxis
    let yLabel: (Double) -> String
    let series: [Series]
    /// Largest x distance drawn as a connected line (`nil`: always connect).
    let gap: Double?
    /// The x range the axis spans at least (e.g. the whole run when only some seconds have points).
    var xRange: ClosedRange<Double>? = nil
    /// Threshold limits drawn across the plot as dashed lines, in the y unit of the series.
    var limits: [ChartLimit] = []
    /// The smallest distance between y ticks: 1 for whole counts, so small counts get no fractional ticks.
    var yMinimumStep = 0.0

    static let width = 640.0
    static let height = 260.0
    static let left = 64.0
    static let right = 30.0
    static let top = 14.0
    static let bottom = 34.0

    /// The SVG markup, or `""` when no series has a point.
    func svg() -> String {
        let all = self.series.flatMap(\.points)
        guard var minX = all.map(\.x).min(), var maxX = all.map(\.x).max(), let maxY = all.map(\.y).max() else {
            return ""
        }
        if let range = self.xRange {
            minX = Swift.min(minX, range.lowerBound)
            maxX = Swift.max(maxX, range.upperBound)
        }
        let xScale: ChartScale
        switch self.xAxis {
        case .elapsedSeconds:
            xScale = ChartScale(lower: minX, maximum: Swift.max(maxX, minX + 1), count: 6, minimumStep: 1)
        case .percentileDecades:
            let decades = Swift.max(1, maxX.rounded(.up))
            xScale = ChartScale(lower: 0, maximum: decades, count: Int(decades))
        }
        // A limit above the data still shows; all-zero data gets the axis 0…1, not ticks that all read 0.
        let yScale = ChartScale(
            maximum: Swift.max(maxY, self.limits.map(\.value).max() ?? 0),
            count: 5,
            minimumStep: self.yMinimumStep
        )
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func px(_ x: Double) -> Double { Self.left + xScale.fraction(x) * plotWidth }
        func py(_ y: Double) -> Double { Self.top + (1 - yScale.fraction(y)) * plotHeight }

        var svg = SVGBuilder(id: self.id, title: self.title, width: Self.width, height: Self.height)
        for tick in yScale.ticks {
            svg.line(x1: Self.left, y1: py(tick), x2: Self.width - Self.right, y2: py(tick), cssClass: "grid")
            svg.text(self.yLabel(tick), x: Self.left - 6, y: py(tick) + 4, anchor: "end", cssClass: "tick")
        }
        for tick in xScale.ticks {
            svg.line(x1: px(tick), y1: Self.top, x2: px(tick), y2: Self.top + plotHeight, cssClass: "grid")
            svg.text(
                self.xLabel(tick, origin: minX),
                x: px(tick),
                y: Self.height - Self.bottom + 16,
                anchor: "middle",
                cssClass: "tick"
            )
        }
        svg.line(
            x1: Self.left,
            y1: Self.top + plotHeight,
            x2: Self.width - Self.right,
            y2: Self.top + plotHeight,
            cssClass: "axis"
        )
        svg.line(x1: Self.left, y1: Self.top, x2: Self.left, y2: Self.top + plotHeight, cssClass: "axis")
        for (index, series) in self.series.enumerated() where !series.points.isEmpty {
            var path = ""
            var previous: Double?
            for point in series.points {
                let move = previous.map { prior in self.gap.map { point.x - prior > $0 } ?? false } ?? true
                path += (move ? "M" : "L") + SVGBuilder.number(px(point.x)) + " " + SVGBuilder.number(py(point.y)) + " "
                previous = point.x
            }
            svg.path(String(path.dropLast()), cssClass: "series s\(index % 8)", label: series.name)
            // A point with no neighbour within `gap` is no line: it is drawn as a dot.
            for (position, point) in series.points.enumerated() {
                let before = position > 0 ? series.points[position - 1].x : nil
                let after = position + 1 < series.points.count ? series.points[position + 1].x : nil
                let alone =
                    series.points.count == 1
                    || self.gap.map { gap in
                        (before.map { point.x - $0 > gap } ?? true) && (after.map { $0 - point.x > gap } ?? true)
                    } ?? false
                if alone {
                    svg.circle(x: px(point.x), y: py(point.y), radius: 3, cssClass: "dot s\(index % 8)")
                }
            }
        }
        for limit in self.limits {
            let y = py(limit.value)
            let style = "limit " + (limit.passed ? "pass" : "fail")
            svg.line(x1: Self.left, y1: y, x2: Self.width - Self.right, y2: y, cssClass: style)
            svg.text(limit.label, x: Self.width - Self.right - 4, y: y - 4, anchor: "end", cssClass: style)
        }
        return svg.finish()
    }

    private func xLabel(_ value: Double, origin: Double) -> String {
        switch self.xAxis {
        case .elapsedSeconds:
            // Seconds come from a file: clamp so a crafted span cannot trap the conversion.
            let seconds = Int(Swift.min(Swift.max((value - origin).rounded(), 0), 1e15))
            if seconds < 60 || seconds % 60 != 0 && seconds < 120 { return "\(seconds)s" }
            let rest = seconds % 60
            return "\(seconds / 60)m" + (rest == 0 ? "" : " \(rest)s")
        case .percentileDecades:
            let decades = Int(value.rounded())
            switch decades {
            case ...0: return "0%"
            case 1: return "90%"
            case 2: return "99%"
            default: return "99." + String(repeating: "9", count: decades - 2) + "%"
            }
        }
    }
}
