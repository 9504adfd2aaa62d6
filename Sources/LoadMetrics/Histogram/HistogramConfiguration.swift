/// The value range and precision of a latency histogram: what a bucket layout is made of.
///
/// Two histograms can be merged bucket by bucket only when their configurations are equal, so the
/// configuration travels with every encoded histogram.
package struct HistogramConfiguration: Sendable, Hashable, Codable {
    /// The smallest value told apart from 0 (in the histogram's unit).
    package let lowestDiscernibleValue: UInt64
    /// The largest value recorded; anything above it is counted as overflow, never silently dropped.
    package let highestTrackableValue: UInt64
    /// Decimal digits of precision kept at every magnitude (0 to 5).
    package let significantDigits: Int

    /// Every wsprobe latency histogram: microseconds from 1 µs to 60 s, 3 significant digits.
    ///
    /// - 1 µs is the smallest step worth resolving: loopback round trips are tens of microseconds and the
    ///   monotonic clock plus event-loop scheduling add about a microsecond of noise, so finer units
    ///   would only record jitter.
    /// - 60 s covers every handshake phase and round trip a load test can reasonably wait for; a sample
    ///   above it is a stall the report must show, so it goes into the overflow count.
    /// - 3 significant digits bound the quantisation error at 0.1 % of the value (1 µs below 2 ms,
    ///   1 ms near 1 s) with 17,408 buckets (136 KiB of `UInt64` counts per histogram); 4 digits would
    ///   cost ten times that per histogram, per worker, per interval, for precision no network delivers.
    package static let latencyMicroseconds = HistogramConfiguration(
        uncheckedLowest: 1,
        highest: 60_000_000,
        digits: 3
    )

    /// Smallest and largest accepted lowest discernible value.
    static let lowestRange: ClosedRange<UInt64> = 1...(1 << 20)
    /// Cap on the highest trackable value, so a decoded file cannot demand a huge bucket array.
    static let highestLimit: UInt64 = 1 << 40

    /// Creates a configuration, or `nil` when the values cannot form a bucket layout.
    ///
    /// Valid: `lowestDiscernibleValue` in 1...2^20, `highestTrackableValue` from twice that up to 2^40,
    /// `significantDigits` in 0...5 (HdrHistogram's limits, with a size cap on the range).
    package init?(lowestDiscernibleValue: UInt64, highestTrackableValue: UInt64, significantDigits: Int) {
        guard Self.lowestRange.contains(lowestDiscernibleValue),
            highestTrackableValue >= 2 * lowestDiscernibleValue,
            highestTrackableValue <= Self.highestLimit,
            (0...5).contains(significantDigits),
            Self.bucketArrayLength(
                lowest: lowestDiscernibleValue,
                highest: highestTrackableValue,
                digits: significantDigits
            ) <= Self.maximumBucketArrayLength
        else { return nil }
        self.init(uncheckedLowest: lowestDiscernibleValue, highest: highestTrackableValue, digits: significantDigits)
    }

    /// Cap on the number of counts a histogram may allocate (8 MiB of `UInt64`), so a decoded file
    /// cannot make each of a snapshot's histograms allocate tens of megabytes. The standard layout
    /// needs 17,408.
    static let maximumBucketArrayLength = 1 << 20

    /// The length of HdrHistogram's counts array for a layout (its `countsArrayLengthFor`).
    static func bucketArrayLength(lowest: UInt64, highest: UInt64, digits: Int) -> Int {
        var largestSingleUnit: UInt64 = 2
        for _ in 0..<digits { largestSingleUnit *= 10 }
        var subBucketCountMagnitude = 0
        while (UInt64(1) << subBucketCountMagnitude) < largestSingleUnit { subBucketCountMagnitude += 1 }
        let unitMagnitude = UInt64.bitWidth - 1 - lowest.leadingZeroBitCount
        let subBucketCount = 1 << subBucketCountMagnitude
        // Buckets needed so that the smallest untrackable value exceeds `highest`.
        var smallestUntrackable = UInt64(subBucketCount) << unitMagnitude
        var buckets = 1
        while smallestUntrackable <= highest {
            if smallestUntrackable > UInt64.max / 2 {
                buckets += 1
                break
            }
            smallestUntrackable <<= 1
            buckets += 1
        }
        return (buckets + 1) * (subBucketCount / 2)
    }

    private init(uncheckedLowest: UInt64, highest: UInt64, digits: Int) {
        self.lowestDiscernibleValue = uncheckedLowest
        self.highestTrackableValue = highest
        self.significantDigits = digits
    }

    private enum CodingKeys: String, CodingKey {
        case lowestDiscernibleValue, highestTrackableValue, significantDigits
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lowest = try container.decode(UInt64.self, forKey: .lowestDiscernibleValue)
        let highest = try container.decode(UInt64.self, forKey: .highestTrackableValue)
        let digits = try container.decode(Int.self, forKey: .significantDigits)
        guard
            let valid = Self(lowestDiscernibleValue: lowest, highestTrackableValue: highest, significantDigits: digits)
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .significantDigits,
                in: container,
                debugDescription: "Histogram configuration lowest \(lowest), highest \(highest), digits \(digits) "
                    + "is outside the supported ranges (lowest 1...2^20, highest 2*lowest...2^40, digits 0...5)."
            )
        }
        self = valid
    }
}
