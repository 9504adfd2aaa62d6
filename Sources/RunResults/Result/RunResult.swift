package import LoadMetrics
package import Scenario
import SecretRedaction

/// Everything one `wsprobe check`, `wsprobe run` or `wsprobe probe` found: the canonical content of `report.json`.
///
/// Every report format (HTML, JUnit, console) is rendered from this value and nothing else (layer rules in
/// docs/architecture.md), and `wsprobe report` re-renders them from the JSON, so no view can disagree with the
/// data.
/// Histograms are lossless (every non-empty bucket), so results of shards merge exactly
/// (``merging(_:)``). The JSON layout is published as `docs/report.schema.json`.
package struct RunResult: Sendable, Equatable {
    /// The version of the JSON layout this type reads and writes.
    ///
    /// Bump it for any change that an older reader would misread (a renamed or re-typed key); adding
    /// an optional key does not need a bump. Version 2 holds everything `run` and `check` report (the
    /// engine's figures, the whole check); ``supportedSchemaVersions`` are read.
    package static let currentSchemaVersion = 2

    /// The layouts this code reads: version 1 lacks ``loadDetails`` and most of ``checkDetails``.
    package static let supportedSchemaVersions = 1...currentSchemaVersion

    /// The JSON layout version (``currentSchemaVersion`` for results built by this code).
    package var schemaVersion: Int
    /// The program and version that produced the result.
    package var tool: ToolInfo
    /// The command line as typed (arguments after the program name included; secrets redacted).
    package var commandLine: [String]
    /// `check`, `run` or a probe (`probe-idle`, `probe-deflate`, `probe-rate`).
    package var kind: RunKind
    /// The scenario's name (for `check`: the URL checked); shards of one run share it.
    package var scenarioName: String
    /// The scenario as run, with overrides applied and secrets redacted (see ``Redaction``).
    package var scenario: JSONValue?
    /// Host, limits and times.
    package var environment: RunEnvironment
    /// `"i/N"` when this result is shard `i` of `N`; `nil` for a whole run or a merged result.
    package var shard: String?
    /// The run totals: every histogram (lossless), counter, error count by code, close count by code,
    /// target-identity count and the final open-connections gauge.
    package var metrics: MetricsSnapshot
    /// The per-second history.
    package var timeSeries: TimeSeries
    /// The first few samples of each error code (the counts are in `metrics.errors`).
    package var errorSamples: ErrorSamples
    /// One upgrade exchange in detail (request, 101 response, negotiation, TLS), when one succeeded.
    package var upgrade: UpgradeDetails?
    /// Check outcomes, in the order they were evaluated; names are unique.
    package var checks: [CheckOutcome]
    /// Threshold outcomes, in scenario order; expressions are unique.
    package var thresholds: [ThresholdOutcome]
    /// The overall outcome.
    package var verdict: Verdict
    /// Why the verdict is `error`: what the run did not measure (``NothingMeasured``); `nil` otherwise and in
    /// reports written before this field existed.
    package var errorReason: String?
    /// The expression of the `abortOnFail` threshold that stopped the run early, if one did.
    package var abortedBy: String?
    /// `true` when the run was stopped early (Ctrl-C / SIGTERM) and the data is partial.
    package var interrupted: Bool
    /// For `check` runs: the phase timings of the one connection and its echo round trips.
    package var checkDetails: CheckDetails?
    /// The weight check's numbers (configured weights, observed counts, χ², df, p, α, findings), when the
    /// scenario has `weights`; the check itself is the `weights` entry of `checks`.
    package var weightCheck: WeightDistribution?
    /// For `run`: limits hit, the client's own cost, the connection rate and the engine's other figures;
    /// `nil` for checks and in version-1 reports.
    package var loadDetails: LoadDetails? = nil
    /// For `probe` results: the probe's findings (``ProbeDetails``); `nil` for `check` and `run`.
    package var probe: ProbeDetails?

    /// Creates a result; the scenario and command line are redacted here, so nothing built through this
    /// initialiser (decoding included) can leak a secret into a report. Their secrets are also registered
    /// with ``Redaction``, so every output hides them wherever else they appear.
    ///
    /// `verdict` defaults to the verdict derived from `checks` and `thresholds` (``Verdict/derive``): `error`
    /// when `errorReason` is given, `failed` when `abortedBy` is.
    package init(
        tool: ToolInfo,
        commandLine: [String],
        kind: RunKind,
        scenarioName: String,
        scenario: JSONValue? = nil,
        environment: RunEnvironment,
        shard: String? = nil,
        metrics: MetricsSnapshot = MetricsSnapshot(),
        timeSeries: TimeSeries = TimeSeries(),
        errorSamples: ErrorSamples = ErrorSamples(),
        upgrade: UpgradeDetails? = nil,
        checks: [CheckOutcome] = [],
        thresholds: [ThresholdOutcome] = [],
        verdict: Verdict? = nil,
        errorReason: String? = nil,
        abortedBy: String? = nil,
        interrupted: Bool = false,
        checkDetails: CheckDetails? = nil,
        weightCheck: WeightDistribution? = nil,
        probe: ProbeDetails? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = tool
        Redaction.register(secretsInArguments: commandLine)
        if let scenario { Redaction.register(secretsIn: scenario) }
        self.commandLine = Redaction.redact(commandLine: commandLine)
        self.kind = kind
        self.scenarioName = scenarioName
        self.scenario = scenario.map(Redaction.redact)
        self.environment = environment
        self.shard = shard
        self.metrics = metrics
        self.timeSeries = timeSeries
        self.errorSamples = errorSamples
        self.upgrade = upgrade
        self.checks = checks
        self.thresholds = thresholds
        self.verdict =
            verdict
            ?? Verdict.derive(
                checks: checks,
                thresholds: thresholds,
                error: errorReason != nil,
                aborted: abortedBy != nil
            )
        self.errorReason = errorReason
        self.abortedBy = abortedBy
        self.interrupted = interrupted
        self.checkDetails = checkDetails
        self.weightCheck = weightCheck
        self.probe = probe
    }

    /// Error codes with their counts and samples, most frequent first (ties by code).
    package var errorSummaries: [ErrorSummary] {
        self.metrics.errors
            .map { ErrorSummary(code: $0.key, count: $0.value, samples: self.errorSamples[code: $0.key]) }
            .sorted { ($0.count, $1.code) > ($1.count, $0.code) }
    }
}
