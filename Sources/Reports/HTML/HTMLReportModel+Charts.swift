import Foundation
import LoadMetrics
import RunResults
import Scenario

extension HTMLReportModel {
    /// Every chart id the report contains, in page order (tests check each is present).
    package static let chartIDs = [
        "chart-latency-spectrum", "chart-latency-over-time", "chart-messages-per-second", "chart-bytes-per-second",
        "chart-connections", "chart-errors-over-time", "chart-handshake-phases", "chart-targets",
    ]

    static func charts(for result: RunResult) -> [ChartModel] {
        let points = result.timeSeries.points
        let noSeries = "No per-second data was recorded (the run was shorter than one interval)."
        // Bytes are plotted in one binary unit chosen from the peak, so ticks fall on round numbers of it.
        let peakBytes = points.map { Swift.max($0.wireBytesSent, $0.wireBytesReceived) }.max() ?? 0
        let byteUnit = Self.binaryUnit(for: Double(peakBytes))
        return [
            Self.spectrum(result),
            Self.timeChart(
                id: "chart-latency-over-time",
                title: "Message round trip over time",
                caption: "Per second: median, 99th percentile and maximum echo round trip."
                    + (points.allSatisfy(\.messageRTT.exact) ? "" : Self.upperBoundNote),
                points: points,
                series: [
                    ("p50", { Double($0.rttP50) }), ("p99", { Double($0.rttP99) }), ("max", { Double($0.rttMax) }),
                ],
                yLabel: { ReportFormat.duration(micros: $0) },
                skipEmpty: { $0.messageRTT.isEmpty },
                limits: Self.limits(result, on: [.messageRTT], where: Self.isLatencyAggregate),
                note: points.isEmpty ? noSeries : "No message round trips were recorded."
            ),
            Self.timeChart(
                id: "chart-messages-per-second",
                title: "Messages per second",
                caption: "Data messages written and read in each second.",
                points: points,
                series: [("sent", { Double($0.messagesSent) }), ("received", { Double($0.messagesReceived) })],
                yLabel: ReportFormat.compact,
                limits: Self.limits(result, on: [.messagesSent, .messagesReceived]) { $0 == .throughput },
                wholeCounts: true,
                note: noSeries
            ),
            Self.timeChart(
                id: "chart-bytes-per-second",
                title: "Bytes per second on the wire",
                caption: "Socket bytes written and read in each second (framing, masking and TLS included).",
                points: points,
                series: [
                    ("sent", { Double($0.wireBytesSent) / byteUnit.divisor }),
                    ("received", { Double($0.wireBytesReceived) / byteUnit.divisor }),
                ],
                yLabel: { ReportFormat.compact($0) + " " + byteUnit.name },
                note: noSeries
            ),
            Self.timeChart(
                id: "chart-connections",
                title: "Connections",
                caption: "Connections open at the end of each second, and upgrades completed in it.",
                points: points,
                series: [("open", { Double($0.connectionsOpen) }), ("upgrades/s", { Double($0.upgradesOK) })],
                yLabel: ReportFormat.compact,
                wholeCounts: true,
                note: noSeries
            ),
            Self.errorsOverTime(result),
            Self.phases(result),
            Self.targets(result),
        ] + Self.drainCharts(for: result)
    }

    /// Caption addition when a merge left per-second percentiles as upper bounds (see `SecondPercentiles`).
    static let upperBoundNote =
        " Merged shards: a second several shards measured shows the largest of their "
        + "percentiles (an upper bound; the maximum is exact)."

    /// The binary unit (B, KiB, MiB, GiB) in which `peak` is between 1 and 1024.
    private static func binaryUnit(for peak: Double) -> (name: String, divisor: Double) {
        var unit: (name: String, divisor: Double) = ("B", 1)
        for name in ["KiB", "MiB", "GiB", "TiB"] where peak >= unit.divisor * 1024 {
            unit = (name, unit.divisor * 1024)
        }
        return unit
    }

    /// HdrHistogram-style percentile spectrum: x is `log10(1 / (1 - p))`, so 90 %, 99 %, 99.9 % are
    /// evenly spaced and the tail gets the room it deserves.
    private static func spectrum(_ result: RunResult) -> ChartModel {
        let id = "chart-latency-spectrum"
        let title = "Latency by percentile"
        let caption = "Latency at each percentile on a log scale: the right side is the tail (1 in 100, 1 in 1,000…)."
        var series: [LineChart.Series] = []
        for metric in [HistogramMetric.messageRTT, .connectTotal, .pingRTT] {
            let spectrum = result.metrics[metric].percentileSpectrum()
            guard !spectrum.isEmpty else { continue }
            // The 100 % point has no finite position; it is drawn one decade past the last finite one.
            let finite = spectrum.filter { $0.percentile < 100 }.map { point in
                (x: Swift.min(6, Foundation.log10(1 / (1 - point.percentile / 100))), y: Double(point.value))
            }
            let lastX = finite.last?.x ?? 0
            var points = finite
            if let top = spectrum.last, top.percentile >= 100 {
                points.append((x: Swift.min(6, Swift.max(1, (lastX + 1).rounded(.down))), y: Double(top.value)))
            }
            series.append(LineChart.Series(name: metric.name, points: points))
        }
        var chart = LineChart(
            id: id,
            title: title,
            xAxis: .percentileDecades,
            yLabel: { ReportFormat.duration(micros: $0) },
            series: series,
            gap: nil
        )
        if !series.isEmpty {
            chart.limits = Self.limits(
                result,
                on: Set(series.compactMap { Metric(rawValue: $0.name) }),
                where: Self.isLatencyAggregate
            )
        }
        return Self.model(
            id: id,
            title: title,
            caption: caption,
            svg: chart.svg(),
            names: series.map(\.name),
            note: "No latencies were recorded."
        )
    }

    static func timeChart(
        id: String,
        title: String,
        caption: String,
        points: [TimeSeriesPoint],
        series definitions: [(String, (TimeSeriesPoint) -> Double)],
        yLabel: @escaping (Double) -> String,
        skipEmpty: ((TimeSeriesPoint) -> Bool)? = nil,
        limits: [ChartLimit] = [],
        wholeCounts: Bool = false,
        note: String
    ) -> ChartModel {
        let kept = points.filter { !(skipEmpty?($0) ?? false) }
        let series = definitions.map { name, value in
            LineChart.Series(name: name, points: kept.map { (x: Double($0.second), y: value($0)) })
        }
        var chart = LineChart(id: id, title: title, xAxis: .elapsedSeconds, yLabel: yLabel, series: series, gap: 1)
        chart.limits = limits
        if wholeCounts { chart.yMinimumStep = 1 }
        // Skipped seconds still belong to the run: the axis spans all of it, so charts line up.
        if skipEmpty != nil, let first = points.first, let last = points.last {
            chart.xRange = Double(first.second)...Double(last.second)
        }
        return Self.model(
            id: id,
            title: title,
            caption: caption,
            svg: chart.svg(),
            names: series.map(\.name),
            note: note
        )
    }

    /// One line per error code (the eight most frequent), zero in seconds without that error.
    private static func errorsOverTime(_ result: RunResult) -> ChartModel {
        let points = result.timeSeries.points
        let codes = result.errorSummaries.prefix(8).map(\.code)
        let id = "chart-errors-over-time"
        let title = "Errors over time"
        let caption = "Failures per second by error code (the eight most frequent codes)."
        guard !codes.isEmpty, points.contains(where: { $0.errorCount > 0 }) else {
            return .empty(id: id, title: title, caption: caption, note: "No errors were recorded.")
        }
        let series = codes.map { code in
            LineChart.Series(name: code, points: points.map { (x: Double($0.second), y: Double($0.errors[code] ?? 0)) })
        }
        var chart = LineChart(
            id: id,
            title: title,
            xAxis: .elapsedSeconds,
            yLabel: ReportFormat.compact,
            series: series,
            gap: 1
        )
        chart.yMinimumStep = 1
        return Self.model(id: id, title: title, caption: caption, svg: chart.svg(), names: codes, note: "")
    }

    /// Median and 99th percentile of each connection set-up phase.
    private static func phases(_ result: RunResult) -> ChartModel {
        let id = "chart-handshake-phases"
        let title = "Connection set-up phases"
        let caption = "Median and 99th percentile of DNS, TCP connect, TLS handshake and WebSocket upgrade."
        let rows = [HistogramMetric.dns, .tcpConnect, .tlsHandshake, .wsUpgrade].compactMap { metric -> BarChart.Row? in
            let histogram = result.metrics[metric]
            guard !histogram.isEmpty else { return nil }
            return BarChart.Row(
                label: metric.name,
                values: [Double(histogram.value(atPercentile: 50)), Double(histogram.value(atPercentile: 99))],
                limits: Metric(rawValue: metric.name).map {
                    Self.limits(result, on: [$0], where: Self.isLatencyAggregate)
                }
                    ?? []
            )
        }
        let chart = BarChart(
            id: id,
            title: title,
            seriesNames: ["p50", "p99"],
            rows: rows,
            valueLabel: { ReportFormat.duration(micros: $0) }
        )
        return Self.model(
            id: id,
            title: title,
            caption: caption,
            svg: chart.svg(),
            names: ["p50", "p99"],
            note: "No connection phases were recorded."
        )
    }

    /// Upgraded connections per target identity.
    private static func targets(_ result: RunResult) -> ChartModel {
        let id = "chart-targets"
        let title = "Connections per target"
        let caption = "Upgraded connections by the identity the target reported (e.g. a pod name header)."
        let rows = result.metrics.targetIdentities.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(20).map {
            BarChart.Row(label: $0.key, values: [Double($0.value)])
        }
        var chart = BarChart(
            id: id,
            title: title,
            seriesNames: ["connections"],
            rows: Array(rows),
            valueLabel: ReportFormat.compact
        )
        chart.minimumStep = 1
        return Self.model(
            id: id,
            title: title,
            caption: caption,
            svg: chart.svg(),
            names: [],
            note: "No target reported an identity."
        )
    }

    static func model(
        id: String,
        title: String,
        caption: String,
        svg: String,
        names: [String],
        note: String
    )
        -> ChartModel
    {
        guard !svg.isEmpty else { return .empty(id: id, title: title, caption: caption, note: note) }
        let legend = names.enumerated().map {
            ChartModel.LegendEntry(name: $0.element, colorClass: "s\($0.offset % 8)")
        }
        return ChartModel(id: id, title: title, caption: caption, svg: svg, legend: legend, emptyNote: note)
    }
}
