extension ErrorCode {
    package static let resultUnreadable = ErrorCode(
        "result.unreadable",
        nil,
        "a result file could not be read (missing, no permission)",
        exitStatus: 2
    )
    package static let resultTooLarge = ErrorCode(
        "result.too-large",
        nil,
        "a result file is larger than the most wsprobe reads (256 MiB)",
        exitStatus: 2
    )
    package static let resultInvalidJSON = ErrorCode(
        "result.invalid-json",
        nil,
        "a result file is not JSON",
        exitStatus: 2
    )
    package static let resultSchemaVersion = ErrorCode(
        "result.schema-version",
        nil,
        "a result file has a layout this wsprobe does not read",
        exitStatus: 2
    )
    package static let resultInvalid = ErrorCode(
        "result.invalid",
        nil,
        "a result file does not have the shape of a result",
        exitStatus: 2
    )
    package static let mergeNoInputs = ErrorCode("merge.no-inputs", nil, "nothing to merge", exitStatus: 2)
    package static let mergeSchemaVersionMismatch = ErrorCode(
        "merge.schema-version-mismatch",
        nil,
        "the inputs use different JSON layouts",
        exitStatus: 2
    )
    package static let mergeScenarioMismatch = ErrorCode(
        "merge.scenario-mismatch",
        nil,
        "the inputs ran different scenarios",
        exitStatus: 2
    )
    package static let mergeKindMismatch = ErrorCode(
        "merge.kind-mismatch",
        nil,
        "the inputs are of different kinds (e.g. `check` and `run`)",
        exitStatus: 2
    )
    package static let mergeHistogramConfigurationMismatch = ErrorCode(
        "merge.histogram-configuration-mismatch",
        nil,
        "the inputs' histograms have different bucket layouts",
        exitStatus: 2
    )
    package static let mergeDuplicateShard = ErrorCode(
        "merge.duplicate-shard",
        nil,
        "two inputs claim the same shard (a file given twice?)",
        exitStatus: 2
    )
    package static let mergeNotAShard = ErrorCode(
        "merge.not-a-shard",
        nil,
        "an input has no `i/N` shard label",
        exitStatus: 2
    )
    package static let mergeShardCountMismatch = ErrorCode(
        "merge.shard-count-mismatch",
        nil,
        "the inputs were split into different numbers of shards",
        exitStatus: 2
    )
    package static let mergeDurationMismatch = ErrorCode(
        "merge.duration-mismatch",
        nil,
        "the inputs planned runs of different lengths",
        exitStatus: 2
    )
    package static let compareInvalidSpec = ErrorCode(
        "compare.invalid-spec",
        nil,
        "a `--max-regression` value has no `=`",
        exitStatus: 2
    )
    package static let compareUnknownMetric = ErrorCode(
        "compare.unknown-metric",
        nil,
        "a `--max-regression` figure `compare` does not know",
        exitStatus: 2
    )
    package static let compareInvalidLimit = ErrorCode(
        "compare.invalid-limit",
        nil,
        "a `--max-regression` limit is not a percentage",
        exitStatus: 2
    )
    package static let shardMalformed = ErrorCode(
        "shard.malformed",
        nil,
        "`--shard` is not of the form `i/N`",
        exitStatus: 2
    )
    package static let shardCount = ErrorCode(
        "shard.count",
        nil,
        "`--shard`'s N is not positive, or splitting it would overflow",
        exitStatus: 2
    )
    package static let shardIndex = ErrorCode("shard.index", nil, "`--shard`'s i is outside 0..<N", exitStatus: 2)
}

extension ErrorCode {
    package static let histogramEmptyBucket = ErrorCode(
        "histogram.empty-bucket",
        nil,
        "an encoded histogram lists a bucket with a count of 0"
    )
    package static let histogramValueOutOfRange = ErrorCode(
        "histogram.value-out-of-range",
        nil,
        "an encoded histogram has a bucket above the highest trackable value"
    )
    package static let histogramBucketsNotAscending = ErrorCode(
        "histogram.buckets-not-ascending",
        nil,
        "an encoded histogram's buckets are not strictly ascending"
    )
    package static let histogramCountMismatch = ErrorCode(
        "histogram.count-mismatch",
        nil,
        "an encoded histogram's bucket counts do not add up to its total"
    )
    package static let histogramExtremesInconsistent = ErrorCode(
        "histogram.extremes-inconsistent",
        nil,
        "an encoded histogram's min and max disagree with each other or the buckets"
    )
}

extension ErrorCodeFamily {
    /// Result files, `merge`, `compare` and `--shard`.
    package static let results = ErrorCodeFamily(
        title: "Results, merge and compare",
        summary: "Reading result files (`ResultFileError`, their histograms: `HistogramDecodingError`), `merge` "
            + "(`MergeError`), `compare` (`RegressionSpecError`) and `--shard` (`ShardError`).",
        codes: [
            .resultUnreadable, .resultTooLarge, .resultInvalidJSON, .resultSchemaVersion, .resultInvalid,
            .mergeNoInputs,
            .mergeSchemaVersionMismatch, .mergeScenarioMismatch, .mergeKindMismatch,
            .mergeHistogramConfigurationMismatch, .mergeDuplicateShard, .mergeNotAShard, .mergeShardCountMismatch,
            .mergeDurationMismatch, .compareInvalidSpec, .compareUnknownMetric, .compareInvalidLimit,
            .shardMalformed, .shardCount, .shardIndex, .histogramEmptyBucket, .histogramValueOutOfRange,
            .histogramBucketsNotAscending, .histogramCountMismatch, .histogramExtremesInconsistent,
        ]
    )
}
