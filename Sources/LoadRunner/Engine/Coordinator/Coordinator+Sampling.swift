import LoadMetrics
import NIOCore
import RunResults
import Scenario

extension Coordinator {
    /// The per-second loop: collects and merges the workers' reports, shows progress, feeds the measurement
    /// window and checks abort-on-fail thresholds, until the run's end, a stop request or an abort.
    func sampleEverySecond(_ workers: [NIOLoopBound<Worker>], into run: inout RunProgress) async throws {
        let plan = self.plan
        let clock = run.clock
        var printer = ProgressPrinter(
            mode: self.progress,
            totalSeconds: plan.durationNanoseconds.map { Double($0) / 1e9 }
        )
        let duration = plan.durationNanoseconds.map { TimeAmount.nanoseconds(Int64(clamping: $0)) }
        while true {
            var tick = run.begin + .seconds(run.second + 1)
            if let duration { tick = min(tick, run.begin + duration) }
            var stopNow = false
            while clock.now < tick {
                if self.stop.isRequested {
                    stopNow = true
                    break
                }
                await clock.sleep(until: min(tick, clock.now + .milliseconds(100)))
            }
            let sampledAt = clock.now
            run.reports = await Self.collect(workers)
            let interval = MetricsSnapshot.merging(run.reports.map(\.metrics.interval))
            let total = MetricsSnapshot.merging(run.reports.map(\.metrics.total))
            run.peakOpen = max(run.peakOpen, interval.connectionsOpen)
            run.held.offer(open: interval.connectionsOpen, resident: ResourceUsage.residentBytes())
            if !stopNow { run.second += 1 }
            run.series.append(interval, atSecond: run.second)
            printer.show(
                second: Int(run.second),
                interval: interval,
                total: total,
                target: run.reports.reduce(0) { $0 + $1.targetConnections }
            )
            if stopNow || self.stop.isRequested { break }
            let elapsed = run.elapsed
            if self.offerToWindow(interval, elapsed: elapsed, sampledAt: sampledAt, workers, into: &run) { break }
            if let failed = self.abortingThreshold(total: total, elapsed: elapsed, run: run) {
                run.abortedBy = failed
                break
            }
            if let duration, elapsed >= Duration(duration) { break }
            if run.reports.allSatisfy(\.finished) { break }
        }
    }

    /// Feeds the measurement window (if any) one second; returns whether it is complete. When the warm-up
    /// ends, the workers are told to stop when the window will be over.
    private func offerToWindow(
        _ interval: MetricsSnapshot,
        elapsed: Duration,
        sampledAt: NIODeadline,
        _ workers: [NIOLoopBound<Worker>],
        into run: inout RunProgress
    ) -> Bool {
        guard var current = run.window else { return false }
        let warming = current.warmUpSeconds == nil
        let complete = current.offer(
            elapsedSeconds: elapsed.seconds,
            interval: interval,
            open: interval.connectionsOpen
        )
        run.window = current
        if complete { return true }
        if warming, current.warmUpSeconds != nil {
            Self.stop(workers, at: sampledAt + .nanoseconds(Int64(current.lengthSeconds * 1e9) - 1))
        }
        return false
    }

    /// The expression of the first abort-on-fail threshold that failed with data, if any. With a measurement
    /// window, they judge the window, never the warm-up.
    private func abortingThreshold(total: MetricsSnapshot, elapsed: Duration, run: RunProgress) -> String? {
        let aborting = self.plan.thresholds.filter(\.abortOnFail)
        let window = run.window
        guard !aborting.isEmpty, window?.warmUpSeconds != nil || window == nil else { return nil }
        let metrics = window?.steadyState(whole: total) ?? total
        let seconds = window?.measuredSeconds ?? elapsed.seconds
        // Only a threshold with data can abort: a rate without a denominator yet is not a failure.
        let outcomes = evaluate(thresholds: aborting, against: metrics, durationSeconds: seconds)
        return outcomes.first(where: { !$0.passed && $0.observed != nil })?.expression
    }

    /// Waits for the stopping workers' connections to close, aborting what is left after the drain time;
    /// the drain's metrics become the series' last point.
    func drain(_ workers: [NIOLoopBound<Worker>], into run: inout RunProgress) async {
        let clock = run.clock
        let drainDeadline = clock.now + .nanoseconds(Int64(clamping: self.plan.drainNanoseconds))
        var drained = MetricsSnapshot(configuration: self.plan.histograms)
        while true {
            await clock.sleep(until: clock.now + .milliseconds(50))
            run.reports = await Self.collect(workers)
            drained.merge(MetricsSnapshot.merging(run.reports.map(\.metrics.interval)))
            if run.reports.allSatisfy({ $0.activeConnections == 0 }) { break }
            if clock.now >= drainDeadline {
                for worker in workers { worker.eventLoop.execute { worker.value.abortAll() } }
                await clock.sleep(until: clock.now + .milliseconds(300))
                run.reports = await Self.collect(workers)
                drained.merge(MetricsSnapshot.merging(run.reports.map(\.metrics.interval)))
                break
            }
        }
        let last = MetricsSnapshot.merging(run.reports.map(\.metrics.interval))
        drained.setConnectionsOpen(last.connectionsOpen, byTarget: last.connectionsOpenByTarget)
        run.series.append(drained, atSecond: run.second + 1)
        run.window?.addDrain(drained)
    }
}
