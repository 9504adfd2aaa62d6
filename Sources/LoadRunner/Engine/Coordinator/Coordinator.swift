import Foundation
import LoadMetrics
package import NIOCore
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
    /// How workers open connections (real sockets unless a test injects a peer).
    package var factory: any ConnectionFactory
    /// Where workers read the wall clock.
    package var clock: EngineClock
    /// Where the coordinator reads time and waits between samples (the system's clock unless a test drives
    /// virtual time).
    package var runClock: any RunClock

    package init(
        plan: RunPlan,
        progress: ProgressMode = .quiet,
        stop: StopSignal = StopSignal(),
        target: String = "",
        measurement: MeasurementWindow? = nil,
        factory: any ConnectionFactory = WebSocketConnectionFactory(),
        clock: EngineClock = .system,
        runClock: any RunClock = SystemRunClock()
    ) {
        self.plan = plan
        self.progress = progress
        self.stop = stop
        self.targetDescription = Redaction.redact(text: target.isEmpty ? plan.connect.url.text : target)
        self.measurement = measurement
        self.factory = factory
        self.clock = clock
        self.runClock = runClock
    }

    /// Runs the plan on every loop of `group`; never throws: failures are in the outcome.
    package func run(on group: MultiThreadedEventLoopGroup) async throws -> RunOutcome {
        try await self.run(on: Array(group.makeIterator()))
    }

    /// Runs the plan with one worker on each of `loops` (virtual-time loops in tests); never throws: failures
    /// are in the outcome.
    package func run(on loops: [any EventLoop]) async throws -> RunOutcome {
        let fileLimit = FileLimit.raise()
        let workers = try await self.makeWorkers(on: loops)
        // After the workers exist: their histograms are a fixed cost, not a cost per connection.
        var run = RunProgress(
            baseline: ResourceUsage.current(),
            residentBaseline: ResourceUsage.residentBytes(),
            window: self.measurement,
            clock: self.runClock
        )
        Self.start(workers, at: run.begin)
        try await self.sampleEverySecond(workers, into: &run)
        let interrupted = self.stop.isRequested
        // Stop: no new work, close everything (1001 going away when interrupted, RFC 6455 §7.4.1), drain.
        let code: UInt16 = interrupted || run.abortedBy != nil ? 1001 : 1000
        for worker in workers { worker.eventLoop.execute { worker.value.stop(code: code) } }
        await self.drain(workers, into: &run)
        return self.outcome(of: run, interrupted: interrupted, fileLimit: fileLimit)
    }

    /// One worker per loop, made on its loop.
    private func makeWorkers(on loops: [any EventLoop]) async throws -> [NIOLoopBound<Worker>] {
        var workers: [NIOLoopBound<Worker>] = []
        let plan = self.plan
        let factory = self.factory
        let clock = self.clock
        for (index, loop) in loops.enumerated() {
            workers.append(
                try await loop.submit {
                    NIOLoopBound(
                        try Worker(
                            plan: plan,
                            index: index,
                            workerCount: loops.count,
                            loop: loop,
                            factory: factory,
                            clock: clock
                        ),
                        eventLoop: loop
                    )
                }.get()
            )
        }
        return workers
    }

    /// Starts every worker's schedule at one shared instant.
    private static func start(_ workers: [NIOLoopBound<Worker>], at start: NIODeadline) {
        let startNanoseconds = start.uptimeNanoseconds
        for worker in workers {
            worker.eventLoop.execute { worker.value.start(atNanoseconds: startNanoseconds) }
        }
    }

    /// Stops every worker at `end` on its own loop, so that no send due after the measurement window is made
    /// (a loop runs earlier deadlines, such as a send due before `end`, first).
    static func stop(_ workers: [NIOLoopBound<Worker>], at end: NIODeadline) {
        for worker in workers {
            worker.eventLoop.scheduleTask(deadline: end) { worker.value.stop(code: 1000) }
        }
    }

    static func collect(_ workers: [NIOLoopBound<Worker>]) async -> [WorkerReport] {
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
