import LoadMetrics
import Testing

@testable import LoadRunner

/// A rate-search step measures only after its connections are open and its rate has settled.
@Suite("Measurement window of a rate-search step")
struct MeasurementWindowTests {
    static func interval(sent: UInt64, rtt: UInt64, open: UInt64, errors: UInt64 = 0) -> MetricsSnapshot {
        var snapshot = MetricsSnapshot()
        snapshot.add(sent, to: .messagesSent)
        snapshot.add(sent, to: .messagesReceived)
        for _ in 0..<sent { snapshot.record(.messageRTT, rtt) }
        snapshot.add(open, to: .upgradesOK)
        if errors > 0 { snapshot.addError(code: "tcp.refused", count: errors) }
        snapshot.setConnectionsOpen(open)
        return snapshot
    }

    @Test("in virtual time: the storm seconds are warm-up, the window opens a second after all are open")
    func opensAfterTheStorm() {
        var window = MeasurementWindow(lengthSeconds: 2, peakConnections: 100, maximumWarmUpSeconds: 30)
        var whole = MetricsSnapshot()
        // Second 1: 60 of 100 open, a catch-up burst with 800 ms round trips; second 2: all open, still slow.
        let samples: [(open: UInt64, rtt: UInt64)] = [
            (60, 800_000), (100, 300_000), (100, 200), (100, 200), (100, 200),
        ]
        var completedAt: Int?
        for (index, sample) in samples.enumerated() {
            let interval = Self.interval(sent: 100, rtt: sample.rtt, open: sample.open, errors: index == 0 ? 2 : 0)
            whole.merge(interval)
            if window.offer(elapsedSeconds: Double(index + 1), interval: interval, open: sample.open) {
                completedAt = index + 1
                break
            }
        }
        // Reached at 2 s, settled at 3 s: the window holds seconds 4 and 5.
        #expect(window.warmUpSeconds == 3)
        #expect(completedAt == 5)
        #expect(window.measuredSeconds == 2)
        let steady = window.steadyState(whole: whole)
        #expect(steady[.messagesSent] == 200)
        #expect(steady[.messageRTT].value(atPercentile: 100) < 1_000)
        // Connection figures and errors still cover the whole step: nothing is warmed away.
        #expect(steady[.upgradesOK] == whole[.upgradesOK])
        #expect(steady.errors["tcp.refused"] == 2)
    }

    @Test("a peak that is lost again restarts the settling; a peak never reached opens the window at the limit")
    func settlingAndLimit() {
        var flapping = MeasurementWindow(lengthSeconds: 1, peakConnections: 10, maximumWarmUpSeconds: 30)
        for (second, open) in [10, 9, 10, 10].enumerated() {
            _ = flapping.offer(elapsedSeconds: Double(second + 1), interval: MetricsSnapshot(), open: UInt64(open))
        }
        #expect(flapping.warmUpSeconds == 4)
        var never = MeasurementWindow(lengthSeconds: 1, peakConnections: 10, maximumWarmUpSeconds: 3)
        for second in 1...3 { _ = never.offer(elapsedSeconds: Double(second), interval: MetricsSnapshot(), open: 2) }
        #expect(never.warmUpSeconds == 3)
        var open = MeasurementWindow(lengthSeconds: 1, peakConnections: 0, maximumWarmUpSeconds: 30)
        _ = open.offer(elapsedSeconds: 1, interval: MetricsSnapshot(), open: 0)
        #expect(open.warmUpSeconds == nil)
        _ = open.offer(elapsedSeconds: 2, interval: MetricsSnapshot(), open: 0)
        #expect(open.warmUpSeconds == 2)
    }
}
