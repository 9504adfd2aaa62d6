/// The per-second history of a run, built by the coordinator from merged interval snapshots.
///
/// Points are kept in ascending order of wall-clock second, one per second. Seconds in which the
/// coordinator took no snapshot have no point (a chart shows a gap rather than an invented zero).
package struct TimeSeries: Sendable, Equatable {
    /// The points, ascending by ``TimeSeriesPoint/second``, at most one per second.
    package private(set) var points: [TimeSeriesPoint]

    /// An empty series.
    package init() {
        self.points = []
    }

    /// A series from points in any order; points of the same second merge as shards do.
    package init(points: some Sequence<TimeSeriesPoint>) {
        self.points = []
        for point in points { self.insert(point, sumGauge: true) }
    }

    /// Adds the coordinator's merged interval snapshot (all workers) for wall-clock `second`.
    ///
    /// If the second already has a point (two ticks fell into one second), the counts and round trips
    /// add up and the open-connections gauge takes the later reading.
    package mutating func append(_ interval: MetricsSnapshot, atSecond second: Int64) {
        self.insert(TimeSeriesPoint(second: second, interval: interval), sumGauge: false)
    }

    /// Merges the series of another shard, aligning points by wall-clock second: counts add, round-trip
    /// histograms merge exactly, and open connections add (both shards were running in that second).
    package mutating func merge(_ other: TimeSeries) {
        for point in other.points { self.insert(point, sumGauge: true) }
    }

    /// This series merged with another shard's.
    package func merged(with other: TimeSeries) -> TimeSeries {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// The point of `second`, if any.
    package func point(atSecond second: Int64) -> TimeSeriesPoint? {
        let index = self.insertionIndex(for: second)
        guard index < self.points.count, self.points[index].second == second else { return nil }
        return self.points[index]
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

extension TimeSeries: Codable {
    /// Decodes a JSON array of points; out-of-order or repeated seconds are merged into place.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(points: try container.decode([TimeSeriesPoint].self))
    }

    /// Encodes the points as a JSON array in ascending order of second.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.points)
    }
}
