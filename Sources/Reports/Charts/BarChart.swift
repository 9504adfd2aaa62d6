import RunResults

/// An SVG horizontal bar chart: one row per category, one bar per series in each row.
struct BarChart {
    /// One category with a value per series.
    struct Row {
        let label: String
        let values: [Double]
        /// The text beside each bar; `valueLabel(value)` where absent.
        var texts: [String]? = nil
        /// Flags by series index: appended to that bar's text and drawn as a warning.
        var flags: [Int: String] = [:]
        /// Threshold limits on this row's metric, drawn as dashed lines across the row.
        var limits: [ChartLimit] = []
    }

    let id: String
    let title: String
    let seriesNames: [String]
    let rows: [Row]
    let valueLabel: (Double) -> String
    /// Room right of the plot for the bar texts.
    var right = 90.0
    /// The value at the right end of the axis; the largest value where absent.
    var axisMaximum: Double?
    /// The smallest distance between ticks: 1 for whole counts.
    var minimumStep = 0.0

    static let width = 640.0
    static let left = 130.0
    static let barHeight = 14.0
    static let rowGap = 10.0
    static let top = 8.0
    static let bottom = 26.0

    /// The SVG markup, or `""` when there are no rows.
    func svg() -> String {
        guard !self.rows.isEmpty else { return "" }
        let bars = Swift.max(1, self.seriesNames.count)
        let rowHeight = Double(bars) * Self.barHeight + Self.rowGap
        let height = Self.top + Double(self.rows.count) * rowHeight + Self.bottom
        let limits = self.rows.flatMap(\.limits).map(\.value)
        let maximum = self.axisMaximum ?? (self.rows.flatMap(\.values) + limits).max() ?? 0
        // All-zero values get the axis 0…1, not ticks that all read 0.
        let scale = ChartScale(maximum: maximum, count: 4, minimumStep: self.minimumStep)
        let plotWidth = Self.width - Self.left - self.right
        func px(_ value: Double) -> Double { Self.left + scale.fraction(value) * plotWidth }

        var svg = SVGBuilder(id: self.id, title: self.title, width: Self.width, height: height)
        let plotBottom = height - Self.bottom
        for tick in scale.ticks {
            svg.line(x1: px(tick), y1: Self.top, x2: px(tick), y2: plotBottom, cssClass: "grid")
            svg.text(self.valueLabel(tick), x: px(tick), y: plotBottom + 16, anchor: "middle", cssClass: "tick")
        }
        for (rowIndex, row) in self.rows.enumerated() {
            let rowTop = Self.top + Double(rowIndex) * rowHeight
            svg.text(
                Self.shortened(row.label),
                x: Self.left - 8,
                y: rowTop + Double(bars) * Self.barHeight / 2 + 4,
                anchor: "end",
                cssClass: "label"
            )
            for (index, value) in row.values.enumerated() {
                let y = rowTop + Double(index) * Self.barHeight
                let name = index < self.seriesNames.count ? self.seriesNames[index] : ""
                let text = row.texts.flatMap { index < $0.count ? $0[index] : nil } ?? self.valueLabel(value)
                svg.rect(
                    x: Self.left,
                    y: y + 1,
                    width: px(value) - Self.left,
                    height: Self.barHeight - 2,
                    cssClass: "bar s\(index % 8)",
                    label: "\(row.label) \(name): \(text)"
                )
                let flag = row.flags[index]
                svg.text(
                    flag.map { "\(text) · \($0)" } ?? text,
                    x: px(value) + 4,
                    y: y + Self.barHeight - 3,
                    anchor: "start",
                    cssClass: flag == nil ? "value" : "value flag"
                )
            }
        }
        for (rowIndex, row) in self.rows.enumerated() {
            let rowTop = Self.top + Double(rowIndex) * rowHeight
            for limit in row.limits {
                let style = "limit " + (limit.passed ? "pass" : "fail")
                let x = px(limit.value)
                svg.line(x1: x, y1: rowTop, x2: x, y2: rowTop + Double(bars) * Self.barHeight, cssClass: style)
                svg.text(
                    limit.label,
                    x: x,
                    y: rowTop + Double(bars) * Self.barHeight + 8,
                    anchor: "middle",
                    cssClass: style
                )
            }
        }
        svg.line(x1: Self.left, y1: Self.top, x2: Self.left, y2: plotBottom, cssClass: "axis")
        return svg.finish()
    }

    /// Labels longer than 18 characters are cut with an ellipsis (the full text is in the bar's title).
    private static func shortened(_ label: String) -> String {
        label.count > 18 ? String(label.prefix(17)) + "…" : label
    }
}
