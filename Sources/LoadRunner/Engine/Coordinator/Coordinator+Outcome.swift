import Foundation
import LoadMetrics
import RunResults
import Scenario

extension Coordinator {
    /// The run's result from what `run` gathered: totals (of the measurement window when one opened),
    /// thresholds, limits, client usage and samples.
    func outcome(of run: RunProgress, interrupted: Bool, fileLimit: FileLimit) -> RunOutcome {
        let plan = self.plan
        let reports = run.reports
        let baseline = run.baseline
        let elapsed = run.elapsed.seconds
        let whole = MetricsSnapshot.merging(reports.map(\.metrics.total))
        // A window that never opened (stopped during the warm-up) measured nothing: keep the whole run.
        let opened = run.window.flatMap { $0.warmUpSeconds == nil ? nil : $0 }
        let totals = opened?.steadyState(whole: whole) ?? whole
        let measuredSeconds = opened?.measuredSeconds ?? elapsed
        var limits: [LimitKind: UInt64] = [:]
        for report in reports { for (kind, count) in report.limits { limits[kind, default: 0] += count } }
        let thresholds = evaluate(thresholds: plan.thresholds, against: totals, durationSeconds: measuredSeconds)
        let usage = ResourceUsage.current()
        var latencies: [String: HistogramSummary] = [:]
        for metric in HistogramMetric.allCases where !totals[metric].isEmpty {
            latencies[metric.name] = totals[metric].summary
        }
        var connectionsPerSecond: Double?
        if let first = reports.compactMap(\.firstAttemptNanoseconds).min(),
            let last = reports.compactMap(\.lastUpgradeNanoseconds).max(), last > first
        {
            connectionsPerSecond = Double(totals[.upgradesOK]) / (Double(last - first) / 1e9)
        }
        let peak = max(run.peakOpen, reports.reduce(0) { $0 + $1.peakOpen })
        let samples = WorkerSamples.merged(reports.map(\.samples))
        var outcome = RunOutcome(
            scenario: plan.name,
            target: self.targetDescription,
            shard: plan.shard.description,
            startedAt: run.startedAt,
            endedAt: Date(),
            elapsedSeconds: elapsed,
            interrupted: interrupted,
            abortedBy: run.abortedBy,
            passed: !interrupted && run.abortedBy == nil && thresholds.allSatisfy(\.passed),
            totals: totals,
            timeSeries: run.series,
            thresholds: thresholds,
            limits: limits,
            limitHit: Self.limitHit(limits, failures: totals[.upgradesFailed]),
            unsolicitedMessages: reports.reduce(0) { $0 + $1.unsolicitedMessages },
            skippedSends: reports.reduce(0) { $0 + $1.skippedSends },
            client: RunOutcome.Client(
                usage: usage,
                baseline: baseline,
                fileLimit: fileLimit,
                peakConnections: peak,
                cpuSecondsPerConnection: peak >= RunOutcome.Client.perConnectionMinimum
                    ? (usage.userCPUSeconds + usage.systemCPUSeconds - baseline.userCPUSeconds
                        - baseline.systemCPUSeconds) / Double(peak) : nil,
                rssBytesPerConnection: peak >= RunOutcome.Client.perConnectionMinimum
                    ? Double(usage.maxRSSBytes &- min(usage.maxRSSBytes, baseline.maxRSSBytes)) / Double(peak) : nil,
                heldRSSBytesPerConnection: run.held.bytesPerConnection(over: run.residentBaseline),
                heldConnections: run.held.open >= RunOutcome.Client.perConnectionMinimum ? run.held.open : nil
            ),
            latencies: latencies,
            connectionsPerSecond: connectionsPerSecond,
            errorSamples: samples.errors,
            upgrade: samples.upgrade,
            expectedStatus: plan.expectation.status == 101 ? nil : plan.expectation.status,
            expectedStatusAnswers: reports.reduce(0) { $0 + $1.expectedStatusAnswers },
            plannedSeconds: plan.durationNanoseconds.map { Double($0) / 1e9 },
            warmUpSeconds: opened?.warmUpSeconds
        )
        if let check = outcome.statusCheck, !check.passed { outcome.passed = false }
        outcome.nothingMeasured = NothingMeasured.reason(
            in: totals,
            expectedStatus: outcome.expectedStatus,
            expectedStatusAnswers: outcome.expectedStatusAnswers
        )
        if outcome.nothingMeasured != nil { outcome.passed = false }
        return outcome
    }
}
