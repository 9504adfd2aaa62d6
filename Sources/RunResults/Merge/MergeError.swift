/// Why results cannot be merged; each case has a stable `code`.
package enum MergeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing to merge.
    case noInputs
    /// The inputs use different JSON layouts.
    case schemaVersionMismatch(first: Int, other: Int, index: Int)
    /// The inputs are of different scenarios, so their sums would mean nothing.
    case scenarioMismatch(first: String, other: String, index: Int)
    /// A `check` result and a `run` result.
    case kindMismatch(first: RunKind, other: RunKind, index: Int)
    /// The histograms have different bucket layouts, so they cannot be merged exactly.
    case histogramConfigurationMismatch(index: Int)
    /// Two inputs claim to be the same shard (a file given twice?).
    case duplicateShard(String)

    /// The stable code shown in messages and used by scripts.
    package var code: String {
        switch self {
        case .noInputs: "merge.no-inputs"
        case .schemaVersionMismatch: "merge.schema-version-mismatch"
        case .scenarioMismatch: "merge.scenario-mismatch"
        case .kindMismatch: "merge.kind-mismatch"
        case .histogramConfigurationMismatch: "merge.histogram-configuration-mismatch"
        case .duplicateShard: "merge.duplicate-shard"
        }
    }

    package var description: String {
        let detail =
            switch self {
            case .noInputs: "there are no results to merge"
            case .schemaVersionMismatch(let first, let other, let index):
                "input \(index + 1) has schemaVersion \(other) but the first has \(first); re-run with one wsprobe version"
            case .scenarioMismatch(let first, let other, let index):
                "input \(index + 1) is of scenario '\(other)' but the first is of '\(first)'; only shards of one "
                    + "scenario can be merged"
            case .kindMismatch(let first, let other, let index):
                "input \(index + 1) is a '\(other.rawValue)' result but the first is a '\(first.rawValue)' result"
            case .histogramConfigurationMismatch(let index):
                "input \(index + 1) records latencies with a different histogram layout, so percentiles could "
                    + "not be merged exactly"
            case .duplicateShard(let shard):
                "shard \(shard) appears twice; was a file given twice?"
            }
        return "error[\(self.code)]: \(detail)"
    }
}
