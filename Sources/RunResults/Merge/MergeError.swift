package import ResultCodes

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
    /// Two inputs of the same scenario name ran different scenarios (`path` is the first difference).
    case scenarioDefinitionMismatch(scenario: String, path: String, index: Int)
    /// An input is a whole run (no `i/N` label) or its label is not `i/N`.
    case notAShard(shard: String?, index: Int)
    /// The inputs are shards of runs split into different numbers of shards.
    case shardCountMismatch(first: Int, other: Int, index: Int)
    /// The inputs planned runs of different lengths (scenario duration or `--duration`), in seconds.
    case durationMismatch(first: Double, other: Double, index: Int)

    /// The stable code shown in messages and used by scripts.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .noInputs: .mergeNoInputs
        case .schemaVersionMismatch: .mergeSchemaVersionMismatch
        case .scenarioMismatch, .scenarioDefinitionMismatch: .mergeScenarioMismatch
        case .kindMismatch: .mergeKindMismatch
        case .histogramConfigurationMismatch: .mergeHistogramConfigurationMismatch
        case .duplicateShard: .mergeDuplicateShard
        case .notAShard: .mergeNotAShard
        case .shardCountMismatch: .mergeShardCountMismatch
        case .durationMismatch: .mergeDurationMismatch
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
            case .scenarioDefinitionMismatch(let scenario, let path, let index):
                "input \(index + 1) ran scenario '\(scenario)' with other settings than the first (\(path) differs);"
                    + " only shards of one run can be merged"
            case .notAShard(let shard, let index):
                shard.map { "input \(index + 1) has the shard label '\($0)', not i/N" }
                    ?? "input \(index + 1) is a whole run, not a shard (run each part with --shard i/N);"
                    + " only shards of one run can be merged"
            case .shardCountMismatch(let first, let other, let index):
                "input \(index + 1) is a shard of \(other) but the first is a shard of \(first); only shards of one"
                    + " run can be merged"
            case .durationMismatch(let first, let other, let index):
                "input \(index + 1) planned a \(Self.seconds(other)) run but the first planned \(Self.seconds(first));"
                    + " only shards of one run can be merged"
            }
        return "error[\(self.code)]: \(detail)"
    }

    private static func seconds(_ value: Double) -> String {
        value.isFinite && abs(value) < 1e15 && value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
