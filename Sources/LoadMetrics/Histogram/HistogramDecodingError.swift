package import ResultCodes

/// Why an encoded histogram (``HistogramBuckets``) cannot be turned back into a ``LatencyHistogram``.
///
/// Encoded histograms come from files (shard reports), so every inconsistency is a typed error with a
/// stable `code`, never a crash.
package enum HistogramDecodingError: Error, Equatable, Sendable {
    /// A bucket holds a count of 0; encoded histograms list only non-empty buckets.
    case emptyBucket(value: UInt64)
    /// A bucket value lies above the configuration's highest trackable value.
    case valueOutOfRange(value: UInt64, highest: UInt64)
    /// Buckets are not in strictly ascending order (or two entries share a bucket).
    case bucketsNotAscending(value: UInt64)
    /// The bucket counts do not add up to `totalCount` (or their sum overflows 64 bits).
    case countMismatch(sum: UInt64?, totalCount: UInt64)
    /// `min`/`max` are inconsistent with each other or with the buckets.
    case extremesInconsistent(min: UInt64, max: UInt64)

    /// The stable, dotted identifier of this failure.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .emptyBucket: .histogramEmptyBucket
        case .valueOutOfRange: .histogramValueOutOfRange
        case .bucketsNotAscending: .histogramBucketsNotAscending
        case .countMismatch: .histogramCountMismatch
        case .extremesInconsistent: .histogramExtremesInconsistent
        }
    }
}

extension HistogramDecodingError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .emptyBucket(let value):
            "The histogram lists bucket \(value) with a count of 0; only non-empty buckets may be listed."
        case .valueOutOfRange(let value, let highest):
            "The histogram has a bucket at \(value), above its highest trackable value \(highest)."
        case .bucketsNotAscending(let value):
            "The histogram bucket at \(value) is not above the previous one; buckets must ascend, one entry each."
        case .countMismatch(.some(let sum), let totalCount):
            "The histogram buckets add up to \(sum) values but totalCount says \(totalCount)."
        case .countMismatch(.none, let totalCount):
            "The histogram bucket counts overflow 64 bits (totalCount says \(totalCount))."
        case .extremesInconsistent(let min, let max):
            "The histogram's min \(min) and max \(max) do not match its buckets."
        }
    }
}
