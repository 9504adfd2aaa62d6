/// The lossless, sparse form of a ``LatencyHistogram``: its configuration, exact extremes, and every
/// non-empty bucket as a (value, count) pair.
///
/// This is what goes into JSON. Decoding it rebuilds a histogram with the same counts in the same
/// buckets and the same exact minimum and maximum, so every percentile, the mean and the standard
/// deviation are identical, and merging decoded shards equals one histogram holding the union.
package struct HistogramBuckets: Sendable, Equatable, Codable {
    /// One non-empty bucket.
    package struct Bucket: Sendable, Hashable, Codable {
        /// The lowest value the bucket holds (HdrHistogram's "lowest equivalent value").
        package var value: UInt64
        /// How many recorded values fell into the bucket; never 0.
        package var count: UInt64

        package init(value: UInt64, count: UInt64) {
            self.value = value
            self.count = count
        }

        /// Encoded as a two-element array `[value, count]` to keep reports compact.
        package init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            self.value = try container.decode(UInt64.self)
            self.count = try container.decode(UInt64.self)
            guard container.isAtEnd else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "A histogram bucket is a [value, count] pair; this one has more elements."
                )
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(self.value)
            try container.encode(self.count)
        }
    }

    /// The bucket layout.
    package var configuration: HistogramConfiguration
    /// Number of values recorded in range (the sum of the bucket counts).
    package var totalCount: UInt64
    /// Exact smallest recorded value (0 when empty).
    package var min: UInt64
    /// Exact largest recorded value (0 when empty).
    package var max: UInt64
    /// Values above `configuration.highestTrackableValue` that were counted but not bucketed.
    package var overflowCount: UInt64
    /// Non-empty buckets in ascending order of value.
    package var buckets: [Bucket]

    package init(
        configuration: HistogramConfiguration,
        totalCount: UInt64,
        min: UInt64,
        max: UInt64,
        overflowCount: UInt64,
        buckets: [Bucket]
    ) {
        self.configuration = configuration
        self.totalCount = totalCount
        self.min = min
        self.max = max
        self.overflowCount = overflowCount
        self.buckets = buckets
    }
}
