/// The lossless histograms of a run's time series, one per interval of whole seconds: what lets percentiles
/// over any window of whole intervals be exact while the per-second points keep only ``SecondPercentiles``.
///
/// Intervals are ``seconds`` long and aligned on seconds 1, 1 + `seconds`, 1 + 2 × `seconds`, … of the
/// series, so the intervals of shards line up and merge exactly. The length starts at ``baseSeconds`` and
/// doubles whenever there would be more than ``maximumCount`` intervals, so an interval always nests in the
/// longer one that replaces it and the histograms' share of a report stays bounded for any run length: an
/// hour keeps one histogram per minute, a two-hour run one per two minutes, and so on.
package struct IntervalHistograms: Sendable, Equatable {
    /// One interval: the histograms of the points whose second lies in `firstSecond...lastSecond`.
    package struct Interval: Sendable, Equatable {
        /// The first second of the interval.
        package var firstSecond: Int64
        /// The last second of the interval (`firstSecond + seconds - 1`).
        package var lastSecond: Int64
        /// Message round trips of the interval (µs), lossless.
        package var messageRTT: LatencyHistogram
        /// Reconnect times of the interval (µs), lossless; empty in intervals without reconnects.
        package var reconnectTime: LatencyHistogram

        package init(
            firstSecond: Int64,
            lastSecond: Int64,
            messageRTT: LatencyHistogram,
            reconnectTime: LatencyHistogram
        ) {
            self.firstSecond = firstSecond
            self.lastSecond = lastSecond
            self.messageRTT = messageRTT
            self.reconnectTime = reconnectTime
        }

        mutating func merge(_ other: Interval) {
            self.messageRTT.merge(other.messageRTT)
            self.reconnectTime.merge(other.reconnectTime)
        }
    }

    /// Length of an interval of a series that never outgrew it: one minute.
    package static let baseSeconds: Int64 = 60
    /// Most intervals kept; beyond it the length doubles. 64 keeps an hour (with its drain second) at one per
    /// minute and bounds the histograms of any run by about those of an hour (a minute of 1,000 echoes a
    /// second fills about 8,000 buckets).
    package static let maximumCount = 64

    /// Length of every interval, in seconds.
    package private(set) var seconds: Int64
    /// The non-empty intervals, ascending by ``Interval/firstSecond``.
    package private(set) var intervals: [Interval]

    /// No intervals, `seconds` long (at least 1).
    package init(seconds: Int64 = Self.baseSeconds) {
        self.seconds = Swift.max(1, seconds)
        self.intervals = []
    }

    /// Intervals as decoded; throws a description when they are not aligned on `seconds`, not ascending,
    /// or not `seconds` long.
    package init(seconds: Int64, intervals: [Interval]) throws(IntervalHistogramsError) {
        guard seconds >= 1 else { throw .invalidLength(seconds) }
        self.seconds = seconds
        self.intervals = []
        for interval in intervals {
            guard interval.firstSecond == Self.firstSecond(of: interval.firstSecond, length: seconds),
                interval.lastSecond == interval.firstSecond &+ seconds &- 1
            else { throw .misaligned(firstSecond: interval.firstSecond, lastSecond: interval.lastSecond) }
            if let last = self.intervals.last, last.firstSecond >= interval.firstSecond {
                throw .notAscending(firstSecond: interval.firstSecond)
            }
            self.intervals.append(interval)
        }
        self.coarsenToLimit()
    }

    /// Adds the histograms of the point of `second`.
    package mutating func add(second: Int64, messageRTT: LatencyHistogram, reconnectTime: LatencyHistogram) {
        guard
            !messageRTT.isEmpty || messageRTT.overflowCount > 0 || !reconnectTime.isEmpty
                || reconnectTime.overflowCount > 0
        else { return }
        let first = Self.firstSecond(of: second, length: self.seconds)
        self.insert(
            Interval(
                firstSecond: first,
                lastSecond: first &+ self.seconds &- 1,
                messageRTT: messageRTT,
                reconnectTime: reconnectTime
            )
        )
        self.coarsenToLimit()
    }

    /// Merges another shard's intervals: both are brought to a common length (the least common multiple of
    /// the two, so every interval nests in one of the result), then intervals of the same seconds merge.
    package mutating func merge(_ other: IntervalHistograms) {
        let common = Self.leastCommonMultiple(self.seconds, other.seconds)
        self.coarsen(to: common)
        var other = other
        other.coarsen(to: common)
        for interval in other.intervals { self.insert(interval) }
        self.coarsenToLimit()
    }

    /// The message round trips and reconnect times of every interval that lies wholly in `seconds`; exact
    /// for the window when its ends fall on interval boundaries (``Interval/firstSecond`` … ``Interval/lastSecond``).
    package func merged(within seconds: ClosedRange<Int64>, configuration: HistogramConfiguration) -> Interval {
        var result = Interval(
            firstSecond: seconds.lowerBound,
            lastSecond: seconds.upperBound,
            messageRTT: LatencyHistogram(configuration: configuration),
            reconnectTime: LatencyHistogram(configuration: configuration)
        )
        for interval in self.intervals
        where interval.firstSecond >= seconds.lowerBound && interval.lastSecond <= seconds.upperBound {
            result.merge(interval)
        }
        return result
    }

    /// The first second of the interval of `second` for intervals `length` long aligned on second 1.
    package static func firstSecond(of second: Int64, length: Int64) -> Int64 {
        let offset = second &- 1
        var index = offset / length
        if offset % length != 0, offset < 0 { index -= 1 }  // floor division for seconds before 1
        return index &* length &+ 1
    }

    private mutating func insert(_ interval: Interval) {
        if let last = self.intervals.last, last.firstSecond < interval.firstSecond {
            self.intervals.append(interval)
            return
        }
        var low = 0
        var high = self.intervals.count
        while low < high {
            let middle = (low + high) / 2
            if self.intervals[middle].firstSecond < interval.firstSecond { low = middle + 1 } else { high = middle }
        }
        if low < self.intervals.count, self.intervals[low].firstSecond == interval.firstSecond {
            self.intervals[low].merge(interval)
        } else {
            self.intervals.insert(interval, at: low)
        }
    }

    private mutating func coarsenToLimit() {
        while self.intervals.count > Self.maximumCount { self.coarsen(to: self.seconds &* 2) }
    }

    /// Regroups the intervals into intervals `length` long (a multiple of ``seconds``).
    private mutating func coarsen(to length: Int64) {
        guard length != self.seconds else { return }
        let old = self.intervals
        self.seconds = length
        self.intervals = []
        for var interval in old {
            interval.firstSecond = Self.firstSecond(of: interval.firstSecond, length: length)
            interval.lastSecond = interval.firstSecond &+ length &- 1
            self.insert(interval)
        }
    }

    private static func leastCommonMultiple(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return a / x &* b
    }
}

/// Why decoded interval histograms are refused.
package enum IntervalHistogramsError: Error, Equatable, Sendable {
    /// The interval length is below one second.
    case invalidLength(Int64)
    /// An interval does not start on a multiple of the length after second 1, or is not one length long.
    case misaligned(firstSecond: Int64, lastSecond: Int64)
    /// Intervals are not in strictly ascending order.
    case notAscending(firstSecond: Int64)
}
