import Histogram

/// An HdrHistogram of durations (or any non-negative integer values) that counts out-of-range values
/// instead of dropping them.
///
/// The bucket array is allocated at the first value recorded or merged, so the many histograms of a snapshot that
/// nothing was recorded into (a metric a scenario does not use, a quiet interval) cost no memory; recording after
/// that is allocation-free. Values above the
/// configuration's `highestTrackableValue` increase ``overflowCount`` (`Histogram.record`
/// returns `false` for them, and a silently dropped sample hides exactly the stalls a load test exists
/// to find). Values are not Codable directly in dense form; ``buckets`` is the lossless sparse form.
package struct LatencyHistogram: Sendable {
    /// The bucket layout this histogram was created with.
    package let configuration: HistogramConfiguration
    /// Values above `configuration.highestTrackableValue`, counted but not bucketed.
    package private(set) var overflowCount: UInt64
    /// The buckets, `nil` until the first value is recorded or merged.
    private var storage: Histogram<UInt64>?

    /// Creates an empty histogram; the default is the standard latency layout (µs, 1 µs to 60 s, 3 digits).
    package init(configuration: HistogramConfiguration = .latencyMicroseconds) {
        self.configuration = configuration
        self.overflowCount = 0
        self.storage = nil
    }

    private static func makeHistogram(_ configuration: HistogramConfiguration) -> Histogram<UInt64> {
        Histogram(
            lowestDiscernibleValue: configuration.lowestDiscernibleValue,
            highestTrackableValue: configuration.highestTrackableValue,
            numberOfSignificantValueDigits: Self.digits(configuration.significantDigits)
        )
    }

    /// An empty histogram of the standard layout, for bucket arithmetic on histograms without storage.
    private static let standardLayout = makeHistogram(.latencyMicroseconds)

    /// Allocates the bucket array if there is none yet.
    mutating func allocateBuckets() {
        if self.storage == nil { self.storage = Self.makeHistogram(self.configuration) }
    }

    /// The buckets, or an empty histogram of this layout (for reading only; a layout other than the standard
    /// one is built for each read, so loops over bucket arithmetic call `allocateBuckets()` first).
    private var histogram: Histogram<UInt64> {
        if let storage = self.storage { return storage }
        return self.configuration == .latencyMicroseconds
            ? Self.standardLayout : Self.makeHistogram(self.configuration)
    }

    private static func digits(_ value: Int) -> SignificantDigits {
        SignificantDigits(rawValue: Int8(clamping: value)) ?? .three
    }

    // MARK: Recording

    /// Records one value; a value above the highest trackable value is counted in ``overflowCount``.
    ///
    /// - Returns: `true` when the value went into a bucket, `false` when it was counted as overflow.
    @discardableResult
    package mutating func record(_ value: UInt64) -> Bool {
        self.record(value, count: 1)
    }

    /// Records `count` occurrences of one value; out-of-range values add `count` to ``overflowCount``.
    @discardableResult
    package mutating func record(_ value: UInt64, count: UInt64) -> Bool {
        guard count > 0 else { return true }
        if value <= self.configuration.highestTrackableValue {
            self.allocateBuckets()
            if self.storage?.record(value, count: count) == true { return true }
        }
        self.overflowCount &+= count
        return false
    }

    /// Counts `count` values that were out of range before they reached the histogram (e.g. negative
    /// durations from inconsistent timestamps).
    package mutating func recordOverflow(count: UInt64 = 1) {
        self.overflowCount &+= count
    }

    /// Records a value and back-fills the samples a stalled closed-loop sender did not take.
    ///
    /// For closed-loop fixed-interval modes only: when `value` exceeds
    /// `expectedInterval`, the values `value - k·expectedInterval` down to `expectedInterval` are added
    /// too, as HdrHistogram's `recordCorrectedValue` does. Open-model latency is measured from the
    /// pacer's intended time instead and must not use this.
    package mutating func recordCorrected(_ value: UInt64, expectedInterval: UInt64) {
        guard self.record(value) else { return }
        guard expectedInterval > 0, value > expectedInterval else { return }
        var missing = value - expectedInterval
        while missing >= expectedInterval {
            self.record(missing)
            missing -= expectedInterval
        }
    }

    /// Removes every recorded value and the overflow count, releasing the bucket array.
    package mutating func reset() {
        self.storage = nil
        self.overflowCount = 0
    }

    // MARK: Merging

    /// Adds every count of `other` into this histogram, bucket by bucket.
    ///
    /// With equal configurations this is exact (HdrHistogram's `add`): the result equals one histogram
    /// that recorded both sets of values. With different configurations the other histogram's buckets
    /// are replayed at their lowest values (exact counts, values quantised to this layout, values out
    /// of this range counted as overflow).
    /// If the combined count would not fit in 64 bits (only possible with crafted input files), the
    /// other histogram's values are added to ``overflowCount`` instead of corrupting the buckets.
    package mutating func merge(_ other: LatencyHistogram) {
        self.overflowCount &+= other.overflowCount
        guard !self.count.addingReportingOverflow(other.count).overflow else {
            self.overflowCount &+= other.count
            return
        }
        guard let otherStorage = other.storage else { return }
        if self.configuration == other.configuration {
            // Safe: `other` only holds values <= its highestTrackableValue, which this layout indexes.
            if self.storage == nil {
                self.storage = otherStorage  // shared until either is written
            } else {
                self.storage?.add(otherStorage)
            }
        } else {
            other.forEachBucket { value, count in self.record(value, count: count) }
        }
    }

    /// Returns this histogram merged with `other`.
    package func merged(with other: LatencyHistogram) -> LatencyHistogram {
        var copy = self
        copy.merge(other)
        return copy
    }

    // MARK: Reading

    /// Number of values recorded in range (overflow excluded).
    package var count: UInt64 { self.storage?.totalCount ?? 0 }

    /// `true` when nothing was recorded in range.
    package var isEmpty: Bool { self.count == 0 }

    /// Exact smallest recorded value, 0 when empty.
    package var min: UInt64 {
        guard let storage = self.storage, storage.totalCount > 0 else { return 0 }
        return storage.min
    }

    /// Exact largest recorded value, 0 when empty.
    package var max: UInt64 { self.storage?.maxRecorded ?? 0 }

    /// Mean of the recorded values (bucket midpoints), 0 when empty.
    package var mean: Double { self.storage?.mean ?? 0 }

    /// Population standard deviation of the recorded values (bucket midpoints), 0 when empty.
    package var standardDeviation: Double { self.storage?.stdDeviation ?? 0 }

    /// The value at `percentile` (0...100): the largest value that `100 - percentile` % of the recorded
    /// values are at or above, within the histogram's precision; 0 when empty.
    package func value(atPercentile percentile: Double) -> UInt64 {
        guard let storage = self.storage, storage.totalCount > 0 else { return 0 }
        return storage.valueAtPercentile(percentile)
    }

    /// The lowest value in the bucket that holds `value`.
    package func lowestEquivalentValue(_ value: UInt64) -> UInt64 {
        self.histogram.lowestEquivalentForValue(value)
    }

    /// The highest value in the bucket that holds `value`.
    package func highestEquivalentValue(_ value: UInt64) -> UInt64 {
        self.histogram.highestEquivalentForValue(value)
    }

    /// HdrHistogram's percentile iteration, for ``percentileSpectrum(ticksPerHalfDistance:)``.
    func histogramPercentiles(ticksPerHalfDistance: Int) -> Histogram<UInt64>.Percentiles {
        self.histogram.percentiles(ticksPerHalfDistance: ticksPerHalfDistance)
    }

    /// Calls `body` with the lowest value and the count of each non-empty bucket, in ascending order.
    package func forEachBucket(_ body: (_ value: UInt64, _ count: UInt64) throws -> Void) rethrows {
        guard let storage = self.storage else { return }
        for item in storage.recordedValues() {
            try body(storage.lowestEquivalentForValue(item.value), item.count)
        }
    }
}

extension LatencyHistogram: Equatable {
    /// Two histograms are equal when they have the same configuration, overflow, exact extremes and
    /// the same count in every bucket.
    package static func == (lhs: LatencyHistogram, rhs: LatencyHistogram) -> Bool {
        lhs.buckets == rhs.buckets
    }
}
