import Foundation
import LoadMetrics
import Scenario

extension RunResult {
    /// Merges the results of the shards of one run into the result of the whole run.
    ///
    /// - Counters, error, close and target-identity counts add; histograms merge bucket by bucket, so
    ///   every percentile of the merged result equals that of one histogram holding all values.
    /// - Time series align by wall-clock second (points of the same second add).
    /// - Error samples are kept in input order, up to ``ErrorSamples/limitPerCode`` per code.
    /// - Checks with the same name become one that passes only if it passed in every shard (the first
    ///   failing shard's outcome is kept, for its message).
    /// - Thresholds are re-evaluated on the merged metrics and duration, parsed from their expression
    ///   text (the only exact answer for percentiles and rates); an expression this version cannot
    ///   parse keeps the combined outcome (failed if it failed in any shard).
    /// - The environment spans all shards (earliest start, latest end, cores summed, lowest descriptor
    ///   limit, distinct host names); `interrupted` is true if any shard was; the shard label is dropped.
    /// - The load details add up (``LoadDetails/merging(_:)``); the client cost of one process is dropped.
    /// - The weight check's numbers are those of the shard whose `weights` check is kept (the first failing
    ///   one, else the first that has them): χ² results of separate samples are not added up.
    /// - The verdict is `error` if any shard's was (the first such shard's `errorReason` is kept), else
    ///   derived from the merged checks and thresholds (failed when a shard was stopped by an
    ///   `abortOnFail` threshold, whose expression is kept as `abortedBy`).
    ///
    /// - Parameters:
    ///   - results: the shard results, at least one.
    ///   - reevaluate: replaces the threshold evaluation (given the merged result); `nil` re-evaluates
    ///     the expressions as described above.
    /// - Throws: ``MergeError`` when the inputs are not shards of one run (see ``checkShardsOfOneRun(_:)``).
    package static func merging(
        _ results: [RunResult],
        reevaluate: (@Sendable (RunResult) -> [ThresholdOutcome])? = nil
    ) throws(MergeError) -> RunResult {
        guard let first = results.first else { throw .noInputs }
        try Self.checkShardsOfOneRun(results)

        var merged = first
        merged.shard = nil
        merged.checkDetails = results.count == 1 ? first.checkDetails : nil
        merged.environment = Self.mergedEnvironment(results.map(\.environment))
        merged.metrics = MetricsSnapshot.merging(results.map(\.metrics))
        merged.timeSeries = results.dropFirst().reduce(first.timeSeries) { $0.merged(with: $1.timeSeries) }
        merged.errorSamples = results.dropFirst().reduce(into: first.errorSamples) { $0.merge($1.errorSamples) }
        merged.upgrade = results.lazy.compactMap(\.upgrade).first
        merged.weightCheck = Self.mergedWeightCheck(results)
        merged.loadDetails = LoadDetails.merging(results.compactMap(\.loadDetails))
        merged.checks = Self.combine(results.map(\.checks), key: \.name, passed: \.passed)
        merged.thresholds = Self.combine(results.map(\.thresholds), key: \.expression, passed: \.passed)
        merged.interrupted = results.contains { $0.interrupted }
        merged.thresholds = reevaluate?(merged) ?? merged.thresholdsReevaluatedFromText()
        merged.abortedBy = results.lazy.compactMap(\.abortedBy).first
        merged.errorReason = results.lazy.filter { $0.verdict == .error }.map(Self.shardErrorReason).first
        merged.verdict = Verdict.derive(
            checks: merged.checks,
            thresholds: merged.thresholds,
            error: merged.errorReason != nil,
            aborted: merged.abortedBy != nil
        )
        return merged
    }

    /// Why an errored shard makes the merged verdict `error`, naming the shard when it has a label.
    private static func shardErrorReason(_ result: RunResult) -> String {
        let reason = result.errorReason ?? "it measured nothing"
        return result.shard.map { "shard \($0): \(reason)" } ?? reason
    }

    /// One outcome per key, in first-seen order; an outcome passes only if every occurrence passed,
    /// and the first failing occurrence is the one kept.
    private static func combine<Outcome>(
        _ lists: [[Outcome]],
        key: KeyPath<Outcome, String>,
        passed: KeyPath<Outcome, Bool>
    ) -> [Outcome] {
        var order: [String] = []
        var chosen: [String: Outcome] = [:]
        for outcome in lists.joined() {
            let name = outcome[keyPath: key]
            guard let existing = chosen[name] else {
                order.append(name)
                chosen[name] = outcome
                continue
            }
            if existing[keyPath: passed], !outcome[keyPath: passed] { chosen[name] = outcome }
        }
        return order.compactMap { chosen[$0] }
    }

    private static func mergedEnvironment(_ environments: [RunEnvironment]) -> RunEnvironment {
        func distinct(_ values: [String]) -> String {
            var seen: Set<String> = []
            return values.filter { seen.insert($0).inserted }.joined(separator: ", ")
        }
        let start = environments.map(\.startedAt).min() ?? Date(timeIntervalSince1970: 0)
        let end = environments.map(\.endedAt).max() ?? start
        let longest = environments.map(\.durationSeconds).max() ?? 0
        return RunEnvironment(
            hostname: distinct(environments.map(\.hostname)),
            cores: environments.reduce(0) { $0 &+ $1.cores },
            openFilesSoftLimit: environments.compactMap(\.openFilesSoftLimit).min(),
            openFilesHardLimit: environments.compactMap(\.openFilesHardLimit).min(),
            operatingSystem: distinct(environments.map(\.operatingSystem)),
            startedAt: start,
            endedAt: end,
            durationSeconds: Swift.max(longest, end.timeIntervalSince(start)),
            plannedDurationSeconds: environments.first?.plannedDurationSeconds
        )
    }
}

extension RunResult {
    /// The threshold outcomes recomputed from their expression text against this result's metrics;
    /// outcomes whose text does not parse are kept as they are.
    package func thresholdsReevaluatedFromText() -> [ThresholdOutcome] {
        self.thresholds.map { outcome in
            guard let expression = try? ThresholdExpression.parse(outcome.expression) else { return outcome }
            let threshold = Threshold(
                source: outcome.expression,
                expression: expression,
                abortOnFail: outcome.abortOnFail
            )
            return evaluate(thresholds: [threshold], against: self).first ?? outcome
        }
    }
}

extension RunResult {
    /// The `weightCheck` that goes with the kept `weights` check: the first failing shard's, else the first.
    fileprivate static func mergedWeightCheck(_ results: [RunResult]) -> WeightDistribution? {
        let failing = results.first { result in
            result.weightCheck != nil && result.checks.contains { $0.name == "weights" && !$0.passed }
        }
        return failing?.weightCheck ?? results.lazy.compactMap(\.weightCheck).first
    }
}
