import LoadMetrics
import RunResults
import Scenario

extension HTMLReportModel {
    /// The drain-and-reconnect chart ids, in page order; each chart is in the report only when the run
    /// has its data (connections closed by the server or the network, reconnects, target identities).
    package static let drainChartIDs = [
        "chart-closes-per-second", "chart-reconnects-per-second", "chart-reconnect-time", "chart-targets-over-time",
    ]

    /// The prefix of the error codes of connections the server or the network ended (`close.1001`, …).
    static let closeErrorPrefix = "close."

    /// The drain charts that have data, in page order.
    static func drainCharts(for result: RunResult) -> [ChartModel] {
        let points = result.timeSeries.points
        var charts: [ChartModel] = []
        let closeCodes = Self.closeCodes(points)
        if !closeCodes.isEmpty {
            charts.append(
                Self.timeChart(
                    id: "chart-closes-per-second",
                    title: "Closes by code per second",
                    caption: "Connections the server or the network ended in each second, by close code "
                        + "(1001 going away, 1006 no close frame, 1012 service restart, …).",
                    points: points,
                    series: closeCodes.map { code in (code, { Double($0.errors[code] ?? 0) }) },
                    yLabel: ReportFormat.compact,
                    wholeCounts: true,
                    note: ""
                )
            )
        }
        if points.contains(where: { $0.reconnects > 0 }) {
            charts.append(
                Self.timeChart(
                    id: "chart-reconnects-per-second",
                    title: "Reconnects per second",
                    caption: "Replacements upgraded in each second for connections the server or the network "
                        + "ended, and sent messages lost in it.",
                    points: points,
                    series: [
                        ("reconnects", { Double($0.reconnects) }), ("messages lost", { Double($0.messagesLost) }),
                    ],
                    yLabel: ReportFormat.compact,
                    wholeCounts: true,
                    note: ""
                )
            )
            charts.append(
                Self.timeChart(
                    id: "chart-reconnect-time",
                    title: "Reconnect time",
                    caption: "Per second with reconnects: median, 99th percentile and maximum time from a "
                        + "connection's end to its replacement's upgrade, backoff included."
                        + (points.allSatisfy(\.reconnectTime.exact) ? "" : Self.upperBoundNote),
                    points: points,
                    series: [
                        ("p50", { Double($0.reconnectP50) }), ("p99", { Double($0.reconnectP99) }),
                        ("max", { Double($0.reconnectMax) }),
                    ],
                    yLabel: { ReportFormat.duration(micros: $0) },
                    skipEmpty: { $0.reconnects == 0 },
                    limits: Self.limits(result, on: [.reconnect], where: Self.isLatencyAggregate),
                    note: ""
                )
            )
        }
        let targets = Self.targetsOverTime(points)
        if !targets.isEmpty {
            charts.append(
                Self.timeChart(
                    id: "chart-targets-over-time",
                    title: "Connections per target over time",
                    caption: "Connections open at the end of each second by the identity their target reported "
                        + "(the eight largest): which targets held the load before and after a drain.",
                    points: points,
                    series: targets.map { target in (target, { Double($0.connectionsOpenByTarget[target] ?? 0) }) },
                    yLabel: ReportFormat.compact,
                    wholeCounts: true,
                    note: ""
                )
            )
        }
        return charts.filter(\.hasData)
    }

    /// The `close.*` error codes of the series, most frequent first (ties by code), at most eight.
    static func closeCodes(_ points: [TimeSeriesPoint]) -> [String] {
        var totals: [String: UInt64] = [:]
        for point in points {
            for (code, count) in point.errors where code.hasPrefix(Self.closeErrorPrefix) && count > 0 {
                totals[code, default: 0] &+= count
            }
        }
        return totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8).map(\.key)
    }

    /// The target identities with open connections in the series, ordered by name, the eight with the
    /// most connection-seconds.
    static func targetsOverTime(_ points: [TimeSeriesPoint]) -> [String] {
        var totals: [String: UInt64] = [:]
        for point in points {
            for (target, count) in point.connectionsOpenByTarget where count > 0 {
                totals[target, default: 0] &+= count
            }
        }
        return totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8).map(\.key).sorted()
    }
}
