/// The history of a run, built by the coordinator from merged interval snapshots: one point per second
/// with that second's counts and round-trip percentiles, and the lossless histograms per interval of whole
/// seconds (``IntervalHistograms``), so the size stays bounded while percentiles over any window of whole
/// intervals stay exact.
///
/// Points are kept in ascending order of second, one per second. Seconds in which the coordinator took no
/// snapshot have no point (a chart shows a gap rather than an invented zero).
package struct TimeSeries: Sendable {
    /// The points, ascending by ``TimeSeriesPoint/second``, at most one per second.
    package private(set) var points: [TimeSeriesPoint]
    /// The message round trips and reconnect times per interval, lossless.
    package private(set) var intervals: IntervalHistograms
    /// The histograms of the last appended second, so a second appended twice (two ticks in one second)
    /// still gets exact percentiles; kept in memory only.
    private var lastSecond: (second: Int64, messageRTT: LatencyHistogram, reconnectTime: LatencyHistogram)?

    /// An empty series.
    package init() {
        self.points = []
        self.intervals = IntervalHistograms()
    }

    /// A series from points in any order (points of the same second merge as shards do) and its
    /// interval histograms.
    package init(points: some Sequence<TimeSeriesPoint>, intervals: IntervalHistograms = IntervalHistograms()) {
        self.points = []
        self.intervals = intervals
        for point in points { self.insert(point, sumGauge: true) }
    }

    /// Adds the coordinator's merged interval snapshot (all workers) for `second`.
    ///
    /// If the second already has a point (two ticks fell into one second), the counts and round trips
    /// add up (percentiles exactly) and the open-connections gauge takes the later reading.
    package mutating func append(_ interval: MetricsSnapshot, atSecond second: Int64) {
        var rtt = interval[.messageRTT]
        var reconnect = interval[.reconnect]
        self.intervals.add(second: second, messageRTT: rtt, reconnectTime: reconnect)
        if let last = self.lastSecond, last.second == second {
            rtt.merge(last.messageRTT)
            reconnect.merge(last.reconnectTime)
        }
        self.lastSecond = (second, rtt, reconnect)
        self.insert(TimeSeriesPoint(second: second, interval: interval), sumGauge: false)
        if let index = self.index(ofSecond: second) {
            self.points[index].messageRTT = SecondPercentiles(rtt)
            self.points[index].reconnectTime = SecondPercentiles(reconnect)
        }
    }

    /// Merges the series of another shard, aligning points by second: counts add, open connections add
    /// (both shards were running in that second), interval histograms merge exactly, and per-second
    /// percentiles combine as ``SecondPercentiles/combined(with:)`` does.
    package mutating func merge(_ other: TimeSeries) {
        for point in other.points { self.insert(point, sumGauge: true) }
        self.intervals.merge(other.intervals)
        self.lastSecond = nil
    }

    /// This series merged with another shard's.
    package func merged(with other: TimeSeries) -> TimeSeries {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Replaces the interval histograms (decoding a file that has them).
    package mutating func setIntervals(_ intervals: IntervalHistograms) {
        self.intervals = intervals
    }

    /// The point of `second`, if any.
    package func point(atSecond second: Int64) -> TimeSeriesPoint? {
        self.index(ofSecond: second).map { self.points[$0] }
    }

    private func index(ofSecond second: Int64) -> Int? {
        let index = self.insertionIndex(for: second)
        guard index < self.points.count, self.points[index].second == second else { return nil }
        return index
    }

    private mutating func insert(_ point: TimeSeriesPoint, sumGauge: Bool) {
        // Fast path: the coordinator appends in time order.
        if let last = self.points.last, last.second < point.second {
            self.points.append(point)
            return
        }
        let index = self.insertionIndex(for: point.second)
        if index < self.points.count, self.points[index].second == point.second {
            self.points[index].absorb(point, sumGauge: sumGauge)
        } else {
            self.points.insert(point, at: index)
        }
    }

    /// Index of the first point whose second is not below `second` (binary search).
    private func insertionIndex(for second: Int64) -> Int {
        var low = 0
        var high = self.points.count
        while low < high {
            let middle = (low + high) / 2
            if self.points[middle].second < second { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension TimeSeries: Equatable {
    /// Equal points and interval histograms (the in-memory histograms of the last second are not compared).
    package static func == (lhs: TimeSeries, rhs: TimeSeries) -> Bool {
        lhs.points == rhs.points && lhs.intervals == rhs.intervals
    }
}

extension TimeSeries: Codable {
    /// Decodes a JSON array of points; out-of-order or repeated seconds are merged into place. Points of
    /// schema version 1 carry their second's histograms, which are folded into ``intervals``; a file of
    /// the current layout keeps its interval histograms next to the points (``setIntervals(_:)``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let decoded = try container.decode([DecodedTimeSeriesPoint].self)
        var intervals = IntervalHistograms()
        for item in decoded where item.messageRTT != nil || item.reconnectTime != nil {
            let configuration = item.messageRTT?.configuration ?? item.reconnectTime?.configuration
            let empty = LatencyHistogram(configuration: configuration ?? .latencyMicroseconds)
            intervals.add(
                second: item.point.second,
                messageRTT: item.messageRTT ?? empty,
                reconnectTime: item.reconnectTime ?? empty
            )
        }
        self.init(points: decoded.map(\.point), intervals: intervals)
    }

    /// Encodes the points as a JSON array in ascending order of second (the interval histograms are
    /// encoded separately, as their own value).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.points)
    }
}
