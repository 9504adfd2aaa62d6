import Foundation
import LoadMetrics
import RunResults

/// The view model the HTML template renders: every figure already formatted as text, every table as
/// rows, every chart as SVG. Built only from a ``RunResults/RunResult``.
///
/// The template reads properties by name through reflection, so property names here are the
/// template's vocabulary.
struct HTMLReportModel {
    struct KeyNumber {
        let label: String
        let value: String
        let detail: String
    }

    struct PhaseRow {
        let name: String
        let count: String
        let p50: String
        let p90: String
        let p99: String
        let p999: String
        let max: String
        let mean: String
        let overflow: String
    }

    struct StatusRow {
        let name: String
        let statusClass: String
        let statusText: String
        let observed: String
        let expected: String
        let message: String
        let extra: String
    }

    struct SampleRow {
        let message: String
        let phase: String
        let status: String
        let headers: String
        let body: String
        let hasHTTP: Bool
    }

    struct ErrorRow {
        let code: String
        let count: String
        let samples: [SampleRow]
    }

    struct Pair {
        let name: String
        let value: String
    }

    struct CertificateRow {
        let subject: String
        let issuer: String
        let notAfter: String
        let daysLeft: String
        let warn: Bool
    }

    let documentTitle: String
    let scenarioName: String
    let verdictClass: String
    let verdictText: String
    let subtitle: String
    let interrupted: Bool
    let notices: [String]
    let keyNumbers: [KeyNumber]
    let charts: [ChartModel]
    let phases: [PhaseRow]
    let thresholds: [StatusRow]
    let checks: [StatusRow]
    let weightCharts: [WeightChartModel]
    let probeSections: [ProbeSection]
    let errors: [ErrorRow]
    let closes: [Pair]
    let targets: [Pair]
    let hasUpgrade: Bool
    let requestHead: String
    let responseHead: String
    let negotiation: [Pair]
    let tlsFacts: [Pair]
    let certificates: [CertificateRow]
    let checkPhases: [Pair]
    let echoRoundTrips: String
    let environment: [Pair]
    let scenarioJSON: String
    let generator: String

    init(_ result: RunResult) throws {
        let metrics = result.metrics
        let environment = result.environment
        self.documentTitle = "wsprobe \(result.kind.rawValue): \(result.scenarioName)"
        self.scenarioName = result.scenarioName
        self.verdictClass = "verdict-\(result.verdict.rawValue)"
        self.verdictText = result.verdict.rawValue.uppercased()
        self.subtitle = [
            "\(result.kind.rawValue) started \(Self.iso(environment.startedAt))",
            "ran \(ReportFormat.duration(seconds: environment.durationSeconds))",
            "on \(environment.hostname)",
            result.shard.map { "shard \($0)" },
        ].compactMap { $0 }.joined(separator: " · ")
        self.interrupted = result.interrupted
        self.notices = Self.verdictNotices(result)
        // A probe carries findings, not load metrics: only its checks count among the key numbers, and no charts.
        self.keyNumbers = Self.makeKeyNumbers(result).filter {
            !result.kind.isProbe || $0.label == "Checks & thresholds"
        }
        self.charts = result.kind.isProbe ? [] : Self.charts(for: result)
        self.phases = HistogramMetric.allCases.compactMap { metric in
            let histogram = metrics[metric]
            guard !histogram.isEmpty || histogram.overflowCount > 0 else { return nil }
            let summary = histogram.summary
            return PhaseRow(
                name: metric.name,
                count: ReportFormat.count(summary.count),
                p50: ReportFormat.duration(micros: summary.p50),
                p90: ReportFormat.duration(micros: summary.p90),
                p99: ReportFormat.duration(micros: summary.p99),
                p999: ReportFormat.duration(micros: summary.p999),
                max: ReportFormat.duration(micros: summary.max),
                mean: ReportFormat.duration(micros: summary.mean),
                overflow: ReportFormat.count(summary.overflowCount)
            )
        }
        self.thresholds = result.thresholds.map {
            StatusRow(
                name: $0.expression,
                statusClass: $0.passed ? "pass" : "fail",
                statusText: $0.passed ? "passed" : "failed",
                observed: $0.observedText,
                expected: $0.limit,
                message: "",
                extra: Self.thresholdNote($0, abortedBy: result.abortedBy)
            )
        }
        self.checks = result.checks.map {
            StatusRow(
                name: $0.name,
                statusClass: $0.passed ? "pass" : "fail",
                statusText: $0.passed ? "passed" : "failed",
                observed: $0.observed ?? "",
                expected: $0.expected ?? "",
                message: $0.message,
                extra: [$0.phase, $0.code].compactMap { $0 }.joined(separator: " · ")
            )
        }
        self.weightCharts = Self.weightCharts(for: result)
        self.probeSections = Self.probeSections(result)
        self.errors = result.errorSummaries.map { summary in
            ErrorRow(
                code: summary.code,
                count: ReportFormat.count(summary.count),
                samples: summary.samples.map { sample in
                    SampleRow(
                        message: sample.message,
                        phase: sample.phase,
                        status: sample.status.map(String.init) ?? "",
                        headers: (sample.headers ?? []).map { "\($0.name): \($0.value)" }.joined(separator: "\n"),
                        body: sample.bodyExcerpt ?? "",
                        hasHTTP: sample.status != nil || sample.headers != nil || sample.bodyExcerpt != nil
                    )
                }
            )
        }
        self.closes = metrics.closes.sorted { $0.key < $1.key }.map {
            Pair(name: "\($0.key.code) (\($0.key.initiator.rawValue))", value: ReportFormat.count($0.value))
        }
        let identified = metrics.targetIdentities.values.reduce(0, &+)
        self.targets = metrics.targetIdentities.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            Pair(
                name: $0.key,
                value: ReportFormat.count($0.value) + " ("
                    + ReportFormat.percent(fraction: Double($0.value) / Double(Swift.max(identified, 1))) + ")"
            )
        }
        let upgrade = result.upgrade
        self.hasUpgrade = upgrade != nil
        self.requestHead = upgrade?.request?.text ?? ""
        self.responseHead = upgrade?.response?.text ?? ""
        self.negotiation = [
            Pair(name: "Subprotocol", value: upgrade?.subprotocol ?? "none"),
            Pair(
                name: "Extensions",
                value: (upgrade?.extensions ?? []).isEmpty
                    ? "none" : (upgrade?.extensions ?? []).map(\.headerText).joined(separator: ", ")
            ),
        ]
        let tls = upgrade?.tls
        self.tlsFacts =
            tls.map { tls in
                [
                    Pair(name: "Version", value: tls.version),
                    Pair(name: "Cipher", value: tls.cipher),
                    Pair(name: "ALPN", value: tls.alpn ?? "none"),
                    Pair(
                        name: "Verification",
                        value: tls.verificationSkipped ? "skipped (--insecure): the chain was not checked" : "verified"
                    ),
                ]
            } ?? []
        self.certificates = (tls?.peerChain ?? []).map {
            CertificateRow(
                subject: $0.subject,
                issuer: $0.issuer,
                notAfter: Self.iso($0.notAfter),
                daysLeft: String($0.daysLeft),
                warn: $0.daysLeft < 14
            )
        }
        self.checkPhases = (result.checkDetails?.phases ?? []).compactMap { phase in
            phase.milliseconds.map { Pair(name: phase.phase, value: ReportFormat.duration(milliseconds: $0)) }
        }
        self.echoRoundTrips = (result.checkDetails?.echoRoundTripsMilliseconds ?? [])
            .map { ReportFormat.duration(milliseconds: $0) }.joined(separator: ", ")
        self.environment = [
            Pair(name: "Host", value: environment.hostname),
            Pair(name: "Operating system", value: environment.operatingSystem),
            Pair(name: "Cores", value: String(environment.cores)),
            Pair(
                name: "Open files limit (soft / hard)",
                value: "\(environment.openFilesSoftLimit.map(ReportFormat.count) ?? "unknown") / "
                    + "\(environment.openFilesHardLimit.map(ReportFormat.count) ?? "unknown")"
            ),
            Pair(name: "Started (UTC)", value: Self.iso(environment.startedAt)),
            Pair(name: "Ended (UTC)", value: Self.iso(environment.endedAt)),
            Pair(name: "Duration", value: ReportFormat.duration(seconds: environment.durationSeconds)),
            Pair(name: "Command line", value: result.commandLine.joined(separator: " ")),
            Pair(name: "Shard", value: result.shard ?? "whole run"),
        ]
        if let scenario = result.scenario {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            self.scenarioJSON = String(decoding: try encoder.encode(scenario), as: UTF8.self)
        } else {
            self.scenarioJSON = ""
        }
        self.generator = "\(result.tool.name) \(result.tool.version)"
    }

    /// `2026-01-02T03:04:05Z`.
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
