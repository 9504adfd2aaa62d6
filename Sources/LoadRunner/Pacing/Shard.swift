/// One machine's deterministic share of a sharded run (`--shard i/N`, with `i` from 0 to N-1).
///
/// Counts split so that the shares differ by at most one and add up to the whole (1000 over 3 shards
/// is 334, 333, 333), and rates split so that the union of the shards' constant-spaced schedules is
/// exactly the whole schedule (see ``Pacer``). Indexes start at 0 to match Kubernetes'
/// `JOB_COMPLETION_INDEX`.
package struct Shard: Sendable, Hashable {
    /// This shard's position, 0 ..< ``count``.
    package let index: Int
    /// Number of shards the run is split into (at least 1).
    package let count: Int

    /// The whole run on one machine (`0/1`).
    package static let whole = Shard(uncheckedIndex: 0, count: 1)

    /// Shard `index` of `count`.
    ///
    /// - Throws: ``ShardError`` when `count` is below 1 or `index` is outside 0 ..< `count`.
    package init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1 else { throw .countNotPositive(count) }
        guard (0..<count).contains(index) else { throw .indexOutOfRange(index: index, count: count) }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Parses `i/N` (e.g. `0/4`), allowing spaces around the numbers.
    ///
    /// - Throws: ``ShardError/malformed(_:)`` for anything but two decimal integers around one `/`,
    ///   and the range errors of ``init(index:count:)``.
    package init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let index = Self.decimal(parts[0]),
            let count = Self.decimal(parts[1])
        else { throw .malformed(text) }
        try self.init(index: index, count: count)
    }

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    private static func decimal(_ text: Substring) -> Int? {
        let trimmed = text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(String(trimmed))
    }

    /// This shard's part of `total` items: `total / count`, plus one for the first `total % count`
    /// shards. Negative totals count as 0.
    package func share(of total: Int) -> Int {
        self.range(of: total).count
    }

    /// The indices of the whole's `total` items that this shard runs (contiguous; the shards' ranges
    /// tile `0 ..< total`), e.g. to number connections uniquely across machines.
    package func range(of total: Int) -> Range<Int> {
        let total = Swift.max(0, total)
        let base = total / self.count
        let extra = total % self.count
        let start = self.index * base + Swift.min(self.index, extra)
        return start..<(start + base + (self.index < extra ? 1 : 0))
    }

    /// Part `index` of this shard split `count` ways, e.g. one worker (event loop) of this machine.
    ///
    /// The result is shard `self.index + self.count · index` of `self.count · count`: its pacer takes
    /// every (N·W)-th arrival, so the workers of all machines interleave into the whole schedule, and
    /// the parts' ``share(of:)`` add up exactly to this shard's share. (Their ``range(of:)`` values are
    /// unique across the whole run but are not sub-ranges of this shard's range.)
    ///
    /// - Throws: ``ShardError`` when `count` is below 1 or `index` is outside 0 ..< `count`.
    package func subshard(_ index: Int, of count: Int) throws(ShardError) -> Shard {
        let part = try Shard(index: index, count: count)
        let (total, overflow) = self.count.multipliedReportingOverflow(by: part.count)
        guard !overflow else { throw .tooManyParts(count: self.count, parts: part.count) }
        return Shard(uncheckedIndex: self.index + self.count * part.index, count: total)
    }

    /// This shard's part of a rate: `rate / count`. A ``Pacer`` built with this shard interleaves its
    /// sends with the other shards', so the union is the whole rate's schedule.
    package func share(ofRate rate: Double) -> Double {
        rate / Double(self.count)
    }
}

extension Shard: CustomStringConvertible {
    /// `i/N`, the form `--shard` accepts.
    package var description: String { "\(self.index)/\(self.count)" }
}
