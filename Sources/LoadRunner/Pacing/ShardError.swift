package import ResultCodes

/// Why a `--shard i/N` value was rejected.
package enum ShardError: Error, Equatable, Sendable {
    /// Not of the form `i/N` with decimal integers.
    case malformed(String)
    /// `N` is 0 or negative.
    case countNotPositive(Int)
    /// `i` is outside `0 ..< N`.
    case indexOutOfRange(index: Int, count: Int)
    /// Splitting a shard of `count` into `parts` would need more shards than an `Int` counts.
    case tooManyParts(count: Int, parts: Int)

    /// The stable, dotted identifier of this failure.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .malformed: .shardMalformed
        case .countNotPositive: .shardCount
        case .indexOutOfRange: .shardIndex
        case .tooManyParts: .shardCount
        }
    }
}

extension ShardError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .malformed(let text):
            "'\(text)' is not a shard; write i/N, e.g. 0/4 for the first of four shards."
        case .countNotPositive(let count):
            "A run cannot be split into \(count) shards; N in i/N must be at least 1."
        case .indexOutOfRange(let index, let count):
            "Shard \(index) does not exist in a run of \(count) shards; i in i/N counts from 0 to \(count - 1)."
        case .tooManyParts(let count, let parts):
            "A run of \(count) shards cannot be split into \(parts) parts each; the product is too large."
        }
    }
}
