import RunResults

/// An SVG chart of a weight check: per target, the share its configured weight gives it beside the share it
/// served, each labelled with its count; missing and unexpected targets are flagged on their row.
struct WeightChart {
    /// One target's row.
    struct Row {
        let target: String
        let expectedShare: Double
        let expectedCount: Double
        let observedShare: Double
        let observed: Int
        /// `missing` (positive weight, nothing served), `unexpected` (served without a positive weight) or nil.
        let flag: String?
    }

    let id: String
    let title: String
    let rows: [Row]

    static let width = 640.0
    static let left = 130.0
    static let right = 150.0
    static let barHeight = 14.0
    static let rowGap = 10.0
    static let top = 8.0
    static let bottom = 26.0

    /// The rows of `distribution`, in its order (configured targets, then unexpected ones).
    init(id: String, title: String, distribution: WeightDistribution) {
        self.id = id
        self.title = title
        self.rows = distribution.shares.map { share in
            let weighted = (share.weight ?? 0) > 0
            let flag: String? =
                if weighted, share.observed == 0 { "missing" } else if !weighted, share.observed > 0 {
                    "unexpected"
                } else { nil }
            return Row(
                target: share.target,
                expectedShare: share.expectedShare,
                expectedCount: share.expectedCount,
                observedShare: share.observedShare,
                observed: share.observed,
                flag: flag
            )
        }
    }

    /// The SVG markup, or `""` when there are no rows.
    func svg() -> String {
        guard !self.rows.isEmpty else { return "" }
        let rowHeight = 2 * Self.barHeight + Self.rowGap
        let height = Self.top + Double(self.rows.count) * rowHeight + Self.bottom
        let maximum = self.rows.flatMap { [$0.expectedShare, $0.observedShare] }.max() ?? 0
        let scale = ChartScale(maximum: Swift.min(1, Swift.max(maximum, 0.01)), count: 4)
        let plotWidth = Self.width - Self.left - Self.right
        func px(_ value: Double) -> Double { Self.left + scale.fraction(value) * plotWidth }

        var svg = SVGBuilder(id: self.id, title: self.title, width: Self.width, height: height)
        let plotBottom = height - Self.bottom
        for tick in scale.ticks {
            svg.line(x1: px(tick), y1: Self.top, x2: px(tick), y2: plotBottom, cssClass: "grid")
            svg.text(Self.percent(tick), x: px(tick), y: plotBottom + 16, anchor: "middle", cssClass: "tick")
        }
        for (index, row) in self.rows.enumerated() {
            let rowTop = Self.top + Double(index) * rowHeight
            let label = row.target.count > 18 ? String(row.target.prefix(17)) + "…" : row.target
            svg.text(label, x: Self.left - 8, y: rowTop + Self.barHeight + 4, anchor: "end", cssClass: "label")
            let bars = [
                (
                    "expected", row.expectedShare,
                    "\(Self.percent(row.expectedShare)) (\(Self.count(row.expectedCount)))"
                ),
                ("observed", row.observedShare, "\(Self.percent(row.observedShare)) (\(row.observed))"),
            ]
            for (series, bar) in bars.enumerated() {
                let y = rowTop + Double(series) * Self.barHeight
                svg.rect(
                    x: Self.left,
                    y: y + 1,
                    width: px(bar.1) - Self.left,
                    height: Self.barHeight - 2,
                    cssClass: "bar s\(series)",
                    label: "\(row.target) \(bar.0): \(bar.2)"
                )
                var text = bar.2
                if series == 1, let flag = row.flag { text += " · \(flag)" }
                svg.text(
                    text,
                    x: px(bar.1) + 4,
                    y: y + Self.barHeight - 3,
                    anchor: "start",
                    cssClass: series == 1 && row.flag != nil ? "value flag" : "value"
                )
            }
        }
        svg.line(x1: Self.left, y1: Self.top, x2: Self.left, y2: plotBottom, cssClass: "axis")
        return svg.finish()
    }

    static func percent(_ fraction: Double) -> String {
        ReportFormat.percent(fraction: fraction)
    }

    /// An expected count with at most one decimal: `150`, `37.5`.
    static func count(_ value: Double) -> String {
        value.formatted(maximumFractionDigits: 1)
    }
}
