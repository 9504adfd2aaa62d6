import RunResults

extension HTMLReportModel {
    /// The weight check's chart, for the template's weight section (absent without a weight check).
    struct WeightChartModel {
        /// The element id, `chart-weights`.
        let id: String
        let title: String
        /// Counts, χ², degrees of freedom, p, α and the verdict.
        let caption: String
        /// The SVG markup (already escaped).
        let svg: String
        let legend: [ChartModel.LegendEntry]
        /// Missing and unexpected targets, one sentence each.
        let flags: [String]
        /// Whether there are flags; stored, because the template engine reads stored properties only.
        let hasFlags: Bool
    }

    /// The id of the weight check's chart; present only in reports of runs with `weights`.
    static let weightChartID = "chart-weights"

    /// Zero or one chart: expected against observed shares per target, when the result has a weight check.
    static func weightCharts(for result: RunResult) -> [WeightChartModel] {
        guard let distribution = result.weightCheck else { return [] }
        let title = "Weight check: expected and observed shares"
        let chart = WeightChart(id: Self.weightChartID, title: title, distribution: distribution)
        let flags = chart.rows.compactMap { row -> String? in
            switch row.flag {
            case "missing":
                "Missing: '\(row.target)' has a weight but served no connection (expected "
                    + "\(WeightChart.count(row.expectedCount)))."
            case "unexpected":
                "Unexpected: '\(row.target)' served \(row.observed) connection(s) without a positive weight."
            default: nil
            }
        }
        return [
            WeightChartModel(
                id: Self.weightChartID,
                title: title,
                caption: Self.weightCaption(distribution, check: result.checks.first { $0.name == "weights" }),
                svg: chart.svg(),
                legend: [
                    ChartModel.LegendEntry(name: "expected (weight share)", colorClass: "s0"),
                    ChartModel.LegendEntry(name: "observed", colorClass: "s1"),
                ],
                flags: flags,
                hasFlags: !flags.isEmpty
            )
        ]
    }

    /// `200 connections: A 152 (weight 3), B 48 (weight 1). χ²=0.107, df=1, p=0.744 ≥ α=0.01: fits the
    /// weights. Verdict: passed.`
    static func weightCaption(_ distribution: WeightDistribution, check: CheckOutcome?) -> String {
        let counts = distribution.shares.map { share in
            "\(share.target) \(share.observed) (" + (share.weight.map { "weight \($0)" } ?? "not configured") + ")"
        }
        let passed = check?.passed ?? distribution.passed
        return "\(distribution.total) connection\(distribution.total == 1 ? "" : "s"): "
            + counts.joined(separator: ", ") + ". \(distribution.summary). Verdict: \(passed ? "passed" : "failed")."
    }
}
