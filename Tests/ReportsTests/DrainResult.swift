import Foundation
import LoadMetrics
import RunResults

/// A drain run with fixed numbers: six connections on target `a` for five seconds, `a` drained in
/// second 5 (six `close.1001`, three messages lost), reconnects to `b` in seconds 5 and 6.
enum DrainResult {
    /// Reconnect times (µs) by second.
    static let reconnectTimes: [Int: [UInt64]] = [5: [120_000, 180_000, 240_000, 400_000], 6: [900_000, 1_100_000]]

    static func make() -> RunResult {
        var result = FixedResult.empty()
        result.kind = .run
        result.scenarioName = "alb-drain"
        result.verdict = .passed
        var metrics = MetricsSnapshot()
        var series = TimeSeries()
        for second in 0..<10 {
            var interval = MetricsSnapshot()
            interval.add(second == 0 ? 6 : 0, to: .connectionAttempts)
            interval.add(second == 0 ? 6 : 0, to: .upgradesOK)
            interval.add(30, to: .messagesSent)
            interval.add(second == 5 ? 27 : 30, to: .messagesReceived)
            if second == 5 {
                interval.add(3, to: .messagesLost)
                interval.addError(code: "close.1001", target: "a", count: 6)
            }
            for value in Self.reconnectTimes[second] ?? [] {
                interval.record(.reconnect, value)
                interval.add(1, to: .reconnects)
                interval.add(1, to: .connectionAttempts)
                interval.add(1, to: .upgradesOK)
            }
            let open: [String: UInt64] =
                switch second {
                case ..<5: ["a": 6]
                case 5: ["b": 4]
                default: ["b": 6]
                }
            interval.setConnectionsOpen(open.values.reduce(0, +), byTarget: open)
            series.append(interval, atSecond: Int64(FixedResult.start.timeIntervalSince1970) + Int64(second))
            metrics.merge(interval)
        }
        metrics.addTargetIdentity("a", count: 6)
        metrics.addTargetIdentity("b", count: 6)
        metrics.setConnectionsOpen(0, byTarget: [:])
        result.metrics = metrics
        result.timeSeries = series
        return result
    }
}
