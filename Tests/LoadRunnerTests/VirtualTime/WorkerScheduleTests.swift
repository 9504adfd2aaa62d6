import LoadMetrics
import NIOCore
import NIOEmbedded
import ResultCodes
import RunResults
import Scenario
import Testing
import WSProtocol
import WSTransport

@testable import LoadRunner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A worker on an `EmbeddedEventLoop` with a fake connection factory: ramps, arrivals, caps, reconnect
/// backoff and connect errors at exact virtual instants.
@Suite("Worker schedules in virtual time")
struct WorkerScheduleTests {
    static let script = """
        name: virtual
        load:
          connections: 1
        steps:
          - send:
              size: 64B
          - expect:
              timeout: 1s
        """

    static func plan(_ load: RunPlan.Load) throws -> RunPlan {
        var plan = try RunPlan(
            scenario: try ScenarioLoader().scenario(yaml: Self.script),
            url: try WebSocketURL("ws://127.0.0.1:9/")
        )
        plan.load = load
        return plan
    }

    static func worker(_ load: RunPlan.Load, _ factory: FakeConnectionFactory) throws -> (Worker, EmbeddedEventLoop) {
        let loop = EmbeddedEventLoop()
        let worker = try Worker(plan: try Self.plan(load), index: 0, workerCount: 1, loop: loop, factory: factory)
        return (worker, loop)
    }

    static func ms(_ values: [UInt64]) -> [UInt64] { values.map { $0 * 1_000_000 } }

    @Test("a ramp from 0 to 4 connections over 400 ms opens one every 100 ms, at exactly those instants")
    func rampOpensAtExactInstants() throws {
        let factory = FakeConnectionFactory(.failUntyped)
        let ramp = ConnectionRampSchedule(stages: [.init(durationNanoseconds: 400_000_000, target: 4)])
        let (worker, loop) = try Self.worker(.closed(ramp: ramp, maxConnections: 4, churn: nil), factory)
        worker.start(atNanoseconds: loop.now.uptimeNanoseconds)
        loop.advanceTime(by: .seconds(1))
        #expect(factory.attemptInstants == Self.ms([100, 200, 300, 400]))
        let report = worker.report()
        #expect(report.metrics.total[.connectionAttempts] == 4)
        #expect(report.metrics.total[.upgradesFailed] == 4)
        #expect(report.metrics.total.errors[ErrorCode.connectFailed.rawValue] == 4)
        #expect(report.finished)
        worker.stop(code: 1000)
        try loop.syncShutdownGracefully()
    }

    @Test("a constant arrival rate of 10/s for 1 s starts exactly 10 connects, 100 ms apart")
    func arrivalsAtExactInstants() throws {
        let factory = FakeConnectionFactory(.fail(.tcp(address: "127.0.0.1:9", reason: "refused", errno: ECONNREFUSED)))
        let schedule = ArrivalRateSchedule.constant(rate: 10, durationNanoseconds: 1_000_000_000)
        let (worker, loop) = try Self.worker(
            .open(schedule: schedule, spacing: .constant, maxConnections: nil),
            factory
        )
        worker.start(atNanoseconds: loop.now.uptimeNanoseconds)
        loop.advanceTime(by: .seconds(2))
        #expect(factory.attemptInstants == Self.ms([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]))
        let report = worker.report()
        #expect(report.metrics.total.errors["tcp.refused"] == 10)
        #expect(report.limits[.target] == 10)
        #expect(report.finished)
        worker.stop(code: 1000)
        try loop.syncShutdownGracefully()
    }

    @Test("arrivals beyond max_connections are not started and count load.max-connections")
    func arrivalsCapped() throws {
        let factory = FakeConnectionFactory(.neverAnswer)
        let schedule = ArrivalRateSchedule.constant(rate: 10, durationNanoseconds: 500_000_000)
        let (worker, loop) = try Self.worker(.open(schedule: schedule, spacing: .constant, maxConnections: 2), factory)
        worker.start(atNanoseconds: loop.now.uptimeNanoseconds)
        loop.advanceTime(by: .seconds(1))
        #expect(factory.attemptInstants == Self.ms([0, 100]))
        let report = worker.report()
        #expect(report.metrics.total.errors[ErrorCode.loadMaxConnections.rawValue] == 3)
        #expect(report.activeConnections == 2)
        #expect(!report.finished)
        factory.failPending()
        #expect(worker.report().activeConnections == 0)
        worker.stop(code: 1000)
        try loop.syncShutdownGracefully()
    }

    @Test("a slot that cannot connect reconnects after 100, 200, 400 ms (no jitter), then gives up")
    func reconnectBackoffIsExact() throws {
        let factory = FakeConnectionFactory(.fail(.timeout(phase: .tcp, after: 1)))
        let churn = Churn(reconnect: Backoff(min: .milliseconds(100), max: .seconds(10), jitter: 0, maxAttempts: 3))
        let ramp = ConnectionRampSchedule(startConnections: 1, stages: [])
        let (worker, loop) = try Self.worker(.closed(ramp: ramp, maxConnections: 1, churn: churn), factory)
        worker.start(atNanoseconds: loop.now.uptimeNanoseconds)
        loop.advanceTime(by: .seconds(5))
        #expect(factory.attemptInstants == Self.ms([0, 100, 300, 700]))
        let report = worker.report()
        #expect(report.metrics.total.errors["timeout.tcp"] == 4)
        #expect(report.limits[.target] == 4)
        #expect(report.finished)
        worker.stop(code: 1000)
        try loop.syncShutdownGracefully()
    }
}
