extension LatencyHistogram {
    /// The lossless sparse form: configuration, exact extremes, overflow and every non-empty bucket.
    package var buckets: HistogramBuckets {
        var list: [HistogramBuckets.Bucket] = []
        self.forEachBucket { value, count in list.append(.init(value: value, count: count)) }
        return HistogramBuckets(
            configuration: self.configuration,
            totalCount: self.count,
            min: self.min,
            max: self.max,
            overflowCount: self.overflowCount,
            buckets: list
        )
    }

    /// Rebuilds a histogram from its sparse form, with identical buckets and exact extremes.
    ///
    /// Each bucket is recorded at a value inside it, chosen so that the rebuilt histogram's tracked
    /// minimum and maximum equal the encoded exact ones: the minimum's bucket is recorded at `min`, the
    /// maximum's bucket puts one value at `max`, every other bucket is recorded at its lowest value.
    /// Percentiles, mean and standard deviation therefore come out identical to the original's.
    ///
    /// - Throws: ``HistogramDecodingError`` when the buckets are not a consistent histogram.
    package init(buckets encoded: HistogramBuckets) throws(HistogramDecodingError) {
        self.init(configuration: encoded.configuration)
        if !encoded.buckets.isEmpty { self.allocateBuckets() }  // the loops below ask the layout per bucket
        let highest = encoded.configuration.highestTrackableValue
        var sum: UInt64 = 0
        var previousLowest: UInt64?
        for bucket in encoded.buckets {
            guard bucket.count > 0 else { throw .emptyBucket(value: bucket.value) }
            guard bucket.value <= highest else { throw .valueOutOfRange(value: bucket.value, highest: highest) }
            let lowest = self.lowestEquivalentValue(bucket.value)
            if let previousLowest, lowest <= previousLowest { throw .bucketsNotAscending(value: bucket.value) }
            previousLowest = lowest
            let (newSum, overflow) = sum.addingReportingOverflow(bucket.count)
            guard !overflow else { throw .countMismatch(sum: nil, totalCount: encoded.totalCount) }
            sum = newSum
        }
        guard sum == encoded.totalCount else { throw .countMismatch(sum: sum, totalCount: encoded.totalCount) }
        try self.replay(encoded)
        self.recordOverflow(count: encoded.overflowCount)
    }

    private mutating func replay(_ encoded: HistogramBuckets) throws(HistogramDecodingError) {
        let (min, max) = (encoded.min, encoded.max)
        guard let first = encoded.buckets.first, let last = encoded.buckets.last else {
            guard min == 0, max == 0 else { throw .extremesInconsistent(min: min, max: max) }
            return
        }
        // The extremes must lie in the first and last buckets, and be ordered.
        guard min <= max, max <= encoded.configuration.highestTrackableValue,
            self.lowestEquivalentValue(min) == self.lowestEquivalentValue(first.value),
            self.lowestEquivalentValue(max) == self.lowestEquivalentValue(last.value)
        else { throw .extremesInconsistent(min: min, max: max) }

        for (index, bucket) in encoded.buckets.enumerated() {
            let lowest = self.lowestEquivalentValue(bucket.value)
            let representative = Swift.max(lowest, min)
            if index == encoded.buckets.count - 1, representative != max {
                // One value sits exactly at `max`, the rest at the representative. A lone value in the
                // only bucket cannot be both a `min` and a different `max`.
                if bucket.count == 1, index == 0 { throw .extremesInconsistent(min: min, max: max) }
                self.record(max)
                self.record(representative, count: bucket.count - 1)
            } else {
                self.record(representative, count: bucket.count)
            }
        }
    }
}

extension LatencyHistogram: Codable {
    /// Decodes the lossless sparse form (``HistogramBuckets``), validating it.
    package init(from decoder: any Decoder) throws {
        let encoded = try HistogramBuckets(from: decoder)
        do {
            try self.init(buckets: encoded)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "\(error.code): \(error)",
                    underlyingError: error
                )
            )
        }
    }

    /// Encodes the lossless sparse form (``HistogramBuckets``).
    package func encode(to encoder: any Encoder) throws {
        try self.buckets.encode(to: encoder)
    }
}
