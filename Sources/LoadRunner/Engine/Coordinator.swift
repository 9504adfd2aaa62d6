import Foundation
import LoadMetrics
import NIOCore
package import NIOPosix
import RunResults
package import Scenario
import SecretRedaction
import WSProtocol
import WSTransport

/// The one asynchronous part of a run: starts a `Worker` on every event loop, asks each for its snapshot
/// every second (`loop.submit`), merges them into the time series and totals, drives progress, checks
/// abort-on-fail thresholds, and on the end or a stop request closes everything and takes a final snapshot.
package struct Coordinator: Sendable {
    package var plan: RunPlan
    package var progress: ProgressMode
    package var stop: StopSignal
    /// The target as shown in the result (the URL, or the embedded target's).
    package var targetDescription: String
    /// With a window, the run ends when the window is complete, and its message figures and thresholds are
    /// those of the window (after the warm-up), not of the whole run (`probe rate` steps).
    package var measurement: MeasurementWindow?

    package init(
        plan: RunPlan,
        progress: ProgressMode = .quiet,
        stop: StopSignal = StopSignal(),
        target: String = "",
        measurement: MeasurementWindow? = nil
    ) {
        self.plan = plan
        self.progress = progress
        self.stop = stop
        self.targetDescription = Redaction.redact(text: target.isEmpty ? plan.connect.url.text : target)
        self.measurement = measurement
    }

    /// Runs the plan on every loop of `group`; never throws: failures are in the outcome.
    package func run(on group: MultiThreadedEventLoopGroup) async throws -> RunOutcome {
        let fileLimit = FileLimit.raise()
        let loops = Array(group.makeIterator())
        var workers: [NIOLoopBound<Worker>] = []
        let plan = self.plan
        for (index, loop) in loops.enumerated() {
            workers.append(
                try await loop.submit {
                    NIOLoopBound(
                        try Worker(plan: plan, index: index, workerCount: loops.count, loop: loop),
                        eventLoop: loop
                    )
                }.get()
            )
        }
        // After the workers exist: their histograms are a fixed cost, not a cost per connection.
        let baseline = ResourceUsage.current()
        let residentBaseline = ResourceUsage.residentBytes()
        var held = HeldSample()
        let startedAt = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let startNanoseconds = NIODeadline.now().uptimeNanoseconds
        for worker in workers {
            worker.eventLoop.execute { worker.value.start(atNanoseconds: startNanoseconds) }
        }
        var printer = ProgressPrinter(
            mode: self.progress,
            totalSeconds: plan.durationNanoseconds.map { Double($0) / 1e9 }
        )
        var series = TimeSeries()
        var reports: [WorkerReport] = []
        var second: Int64 = 0
        var abortedBy: String?
        var peakOpen: UInt64 = 0
        let duration = plan.durationNanoseconds.map { Duration.nanoseconds(Int64(clamping: $0)) }
        var window = self.measurement
        // The per-second loop.
        while true {
            var tick = begin + .seconds(second + 1)
            if let duration { tick = min(tick, begin + duration) }
            var stopNow = false
            while clock.now < tick {
                if self.stop.isRequested {
                    stopNow = true
                    break
                }
                try? await Task.sleep(until: min(tick, clock.now + .milliseconds(100)), clock: clock)
            }
            let sampledAt = NIODeadline.now()
            reports = await Self.collect(workers)
            let interval = MetricsSnapshot.merging(reports.map(\.metrics.interval))
            let total = MetricsSnapshot.merging(reports.map(\.metrics.total))
            peakOpen = max(peakOpen, interval.connectionsOpen)
            held.offer(open: interval.connectionsOpen, resident: ResourceUsage.residentBytes())
            if !stopNow { second += 1 }
            series.append(interval, atSecond: second)
            printer.show(
                second: Int(second),
                interval: interval,
                total: total,
                target: reports.reduce(0) { $0 + $1.targetConnections }
            )
            if stopNow || self.stop.isRequested { break }
            let elapsed = clock.now - begin
            if var current = window {
                let warming = current.warmUpSeconds == nil
                let complete = current.offer(
                    elapsedSeconds: elapsed.seconds,
                    interval: interval,
                    open: interval.connectionsOpen
                )
                window = current
                if complete { break }
                if warming, current.warmUpSeconds != nil {
                    Self.stop(workers, at: sampledAt + .nanoseconds(Int64(current.lengthSeconds * 1e9) - 1))
                }
            }
            let aborting = plan.thresholds.filter(\.abortOnFail)
            // With a measurement window, abort-on-fail thresholds judge the window, never the warm-up.
            if !aborting.isEmpty, window?.warmUpSeconds != nil || window == nil {
                let metrics = window?.steadyState(whole: total) ?? total
                let seconds = window?.measuredSeconds ?? elapsed.seconds
                // Only a threshold with data can abort: a rate without a denominator yet is not a failure.
                let outcomes = evaluate(thresholds: aborting, against: metrics, durationSeconds: seconds)
                if let failed = outcomes.first(where: { !$0.passed && $0.observed != nil }) {
                    abortedBy = failed.expression
                    break
                }
            }
            if let duration, elapsed >= duration { break }
            if reports.allSatisfy(\.finished) { break }
        }
        let interrupted = self.stop.isRequested
        // Stop: no new work, close everything (1001 going away when interrupted, RFC 6455 §7.4.1), drain.
        let code: UInt16 = interrupted || abortedBy != nil ? 1001 : 1000
        for worker in workers { worker.eventLoop.execute { worker.value.stop(code: code) } }
        let drainDeadline = clock.now + .nanoseconds(Int64(clamping: plan.drainNanoseconds))
        var drained = MetricsSnapshot(configuration: plan.histograms)
        while true {
            try? await Task.sleep(for: .milliseconds(50))
            reports = await Self.collect(workers)
            drained.merge(MetricsSnapshot.merging(reports.map(\.metrics.interval)))
            if reports.allSatisfy({ $0.activeConnections == 0 }) { break }
            if clock.now >= drainDeadline {
                for worker in workers { worker.eventLoop.execute { worker.value.abortAll() } }
                try? await Task.sleep(for: .milliseconds(300))
                reports = await Self.collect(workers)
                drained.merge(MetricsSnapshot.merging(reports.map(\.metrics.interval)))
                break
            }
        }
        let last = MetricsSnapshot.merging(reports.map(\.metrics.interval))
        drained.setConnectionsOpen(last.connectionsOpen, byTarget: last.connectionsOpenByTarget)
        series.append(drained, atSecond: second + 1)
        window?.addDrain(drained)
        let elapsed = (clock.now - begin).seconds
        let whole = MetricsSnapshot.merging(reports.map(\.metrics.total))
        // A window that never opened (stopped during the warm-up) measured nothing: keep the whole run.
        let opened = window.flatMap { $0.warmUpSeconds == nil ? nil : $0 }
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
        let peak = max(peakOpen, reports.reduce(0) { $0 + $1.peakOpen })
        let samples = WorkerSamples.merged(reports.map(\.samples))
        var outcome = RunOutcome(
            scenario: plan.name,
            target: self.targetDescription,
            shard: plan.shard.description,
            startedAt: startedAt,
            endedAt: Date(),
            elapsedSeconds: elapsed,
            interrupted: interrupted,
            abortedBy: abortedBy,
            passed: !interrupted && abortedBy == nil && thresholds.allSatisfy(\.passed),
            totals: totals,
            timeSeries: series,
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
                heldRSSBytesPerConnection: held.bytesPerConnection(over: residentBaseline),
                heldConnections: held.open >= RunOutcome.Client.perConnectionMinimum ? held.open : nil
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

    /// Stops every worker at `end` on its own loop, so that no send due after the measurement window is made
    /// (a loop runs earlier deadlines, such as a send due before `end`, first).
    private static func stop(_ workers: [NIOLoopBound<Worker>], at end: NIODeadline) {
        for worker in workers {
            worker.eventLoop.scheduleTask(deadline: end) { worker.value.stop(code: 1000) }
        }
    }

    private static func collect(_ workers: [NIOLoopBound<Worker>]) async -> [WorkerReport] {
        var reports: [WorkerReport] = []
        for worker in workers {
            if let report = try? await worker.eventLoop.submit({ worker.value.report() }).get() {
                reports.append(report)
            }
        }
        return reports
    }

    /// The limit that stopped the run: the resource behind most connect failures, when it accounts for at
    /// least a tenth of them.
    static func limitHit(_ limits: [LimitKind: UInt64], failures: UInt64) -> LimitKind? {
        guard let top = limits.max(by: { $0.value < $1.value }), top.value > 0 else { return nil }
        return top.value * 10 >= max(1, failures) ? top.key : nil
    }
}

extension Duration {
    /// Seconds as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = self.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
