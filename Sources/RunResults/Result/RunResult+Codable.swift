import LoadMetrics
import Scenario

/// JSON form: one object whose keys are the property names, written in sorted order (see
/// ``RunResult/makeEncoder()``). Optional values that are absent are left out. Decoding checks
/// `schemaVersion` first, so a report from a newer wsprobe fails with a clear message instead of a
/// confusing missing-key error.
///
/// The time series is two keys: `timeSeries`, the per-second points (counts and percentile summaries), and
/// `timeSeriesIntervals`, the lossless histograms per interval (left out when empty). A file without
/// `timeSeriesIntervals` whose points hold histograms (the first layout) is converted on reading.
extension RunResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, commandLine, kind, scenarioName, scenario, environment, shard
        case metrics, timeSeries, errorSamples, upgrade, checks, thresholds, verdict, interrupted, checkDetails
        case weightCheck, errorReason, abortedBy, loadDetails, timeSeriesIntervals
        case probe
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .schemaVersion)
        guard Self.supportedSchemaVersions.contains(version) else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion,
                in: container,
                debugDescription: "schemaVersion \(version) is not supported; this wsprobe reads version "
                    + "\(Self.currentSchemaVersion)."
            )
        }
        var timeSeries = try container.decode(TimeSeries.self, forKey: .timeSeries)
        // Schema version 1 has no interval histograms; its points' histograms were folded into them.
        if let intervals = try container.decodeIfPresent(IntervalHistograms.self, forKey: .timeSeriesIntervals) {
            timeSeries.setIntervals(intervals)
        }
        self.init(
            tool: try container.decode(ToolInfo.self, forKey: .tool),
            commandLine: try container.decode([String].self, forKey: .commandLine),
            kind: try container.decode(RunKind.self, forKey: .kind),
            scenarioName: try container.decode(String.self, forKey: .scenarioName),
            scenario: try container.decodeIfPresent(JSONValue.self, forKey: .scenario),
            environment: try container.decode(RunEnvironment.self, forKey: .environment),
            shard: try container.decodeIfPresent(String.self, forKey: .shard),
            metrics: try container.decode(MetricsSnapshot.self, forKey: .metrics),
            timeSeries: timeSeries,
            errorSamples: try container.decodeIfPresent(ErrorSamples.self, forKey: .errorSamples) ?? ErrorSamples(),
            upgrade: try container.decodeIfPresent(UpgradeDetails.self, forKey: .upgrade),
            checks: try container.decode([CheckOutcome].self, forKey: .checks),
            thresholds: try container.decode([ThresholdOutcome].self, forKey: .thresholds),
            verdict: try container.decode(Verdict.self, forKey: .verdict),
            errorReason: try container.decodeIfPresent(String.self, forKey: .errorReason),
            abortedBy: try container.decodeIfPresent(String.self, forKey: .abortedBy),
            interrupted: try container.decode(Bool.self, forKey: .interrupted),
            checkDetails: try container.decodeIfPresent(CheckDetails.self, forKey: .checkDetails),
            weightCheck: try container.decodeIfPresent(WeightDistribution.self, forKey: .weightCheck),
            probe: try container.decodeIfPresent(ProbeDetails.self, forKey: .probe)
        )
        self.loadDetails = try container.decodeIfPresent(LoadDetails.self, forKey: .loadDetails)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.schemaVersion, forKey: .schemaVersion)
        try container.encode(self.tool, forKey: .tool)
        try container.encode(self.commandLine, forKey: .commandLine)
        try container.encode(self.kind, forKey: .kind)
        try container.encode(self.scenarioName, forKey: .scenarioName)
        try container.encodeIfPresent(self.scenario, forKey: .scenario)
        try container.encode(self.environment, forKey: .environment)
        try container.encodeIfPresent(self.shard, forKey: .shard)
        try container.encode(self.metrics, forKey: .metrics)
        try container.encode(self.timeSeries, forKey: .timeSeries)
        if !self.timeSeries.intervals.intervals.isEmpty {
            try container.encode(self.timeSeries.intervals, forKey: .timeSeriesIntervals)
        }
        try container.encode(self.errorSamples, forKey: .errorSamples)
        try container.encodeIfPresent(self.upgrade, forKey: .upgrade)
        try container.encode(self.checks, forKey: .checks)
        try container.encode(self.thresholds, forKey: .thresholds)
        try container.encode(self.verdict, forKey: .verdict)
        try container.encodeIfPresent(self.errorReason, forKey: .errorReason)
        try container.encodeIfPresent(self.abortedBy, forKey: .abortedBy)
        try container.encode(self.interrupted, forKey: .interrupted)
        try container.encodeIfPresent(self.checkDetails, forKey: .checkDetails)
        try container.encodeIfPresent(self.weightCheck, forKey: .weightCheck)
        try container.encodeIfPresent(self.loadDetails, forKey: .loadDetails)
        try container.encodeIfPresent(self.probe, forKey: .probe)
    }
}
