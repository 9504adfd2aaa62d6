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

    /// The SVG markup, or `""` when there are no rows: a `BarChart` of expected and observed shares whose
    /// bars carry the counts, on an axis of at least 1 % and at most 100 %.
    func svg() -> String {
        let maximum = self.rows.flatMap { [$0.expectedShare, $0.observedShare] }.max() ?? 0
        var chart = BarChart(
            id: self.id,
            title: self.title,
            seriesNames: ["expected", "observed"],
            rows: self.rows.map { row in
                BarChart.Row(
                    label: row.target,
                    values: [row.expectedShare, row.observedShare],
                    texts: [
                        "\(Self.percent(row.expectedShare)) (\(Self.count(row.expectedCount)))",
                        "\(Self.percent(row.observedShare)) (\(row.observed))",
                    ],
                    flags: row.flag.map { [1: $0] } ?? [:]
                )
            },
            valueLabel: Self.percent
        )
        chart.right = 150
        chart.axisMaximum = Swift.min(1, Swift.max(maximum, 0.01))
        return chart.svg()
    }

    static func percent(_ fraction: Double) -> String {
        ReportFormat.percent(fraction: fraction)
    }

    /// An expected count with at most one decimal: `150`, `37.5`.
    static func count(_ value: Double) -> String {
        value.formatted(maximumFractionDigits: 1)
    }
}
