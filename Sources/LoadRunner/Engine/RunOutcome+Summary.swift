import Foundation
import LoadMetrics
import RunResults

extension RunOutcome {
    /// A compact console summary: verdict, counts, latencies, errors, closes, thresholds, client cost.
    package var summaryText: String {
        var lines: [String] = []
        let verdict =
            self.interrupted ? "INTERRUPTED" : (self.nothingMeasured != nil ? "ERROR" : (self.passed ? "PASS" : "FAIL"))
        lines.append(
            "\(self.scenario): \(verdict) in \(Self.format(seconds: self.elapsedSeconds)) against \(self.target)"
        )
        let t = self.totals
        lines.append(
            "  connections  \(t[.connectionAttempts]) attempted, \(t[.upgradesOK]) upgraded, \(t[.upgradesFailed]) failed"
        )
        lines.append(
            "  messages     \(t[.messagesSent]) sent, \(t[.messagesReceived]) received, \(t[.messagesLost]) lost,"
                + " \(t[.messagesDuplicated]) duplicated, \(t[.messagesReordered]) reordered"
        )
        lines.append(
            "  bytes        payload \(t[.payloadBytesSent]) out / \(t[.payloadBytesReceived]) in,"
                + " wire \(t[.wireBytesSent]) out / \(t[.wireBytesReceived]) in"
        )
        for metric in HistogramMetric.allCases {
            let histogram = t[metric]
            guard !histogram.isEmpty else { continue }
            let name = metric.name.padding(toLength: 16, withPad: " ", startingAt: 0)
            lines.append(
                "  \(name)p50 \(Self.format(us: histogram.value(atPercentile: 50)))"
                    + "  p99 \(Self.format(us: histogram.value(atPercentile: 99)))"
                    + "  max \(Self.format(us: histogram.max))  n=\(histogram.count)"
            )
        }
        if !t.errors.isEmpty {
            let errors = t.errors.sorted { $0.value > $1.value }.map { "\($0.key) ×\($0.value)" }
            lines.append("  errors       " + errors.joined(separator: ", "))
        }
        if !t.closes.isEmpty {
            let closes = t.closes.sorted { $0.key < $1.key }.map {
                "\($0.key.code) by \($0.key.initiator.rawValue) ×\($0.value)"
            }
            lines.append("  closes       " + closes.joined(separator: ", "))
        }
        if let reason = self.nothingMeasured { lines.append("  error        nothing measured: \(reason)") }
        if let expression = self.abortedBy { lines.append("  stopped by   \(expression) (abortOnFail)") }
        if let limit = self.limitHit { lines.append("  limit hit    \(limit.rawValue)") }
        for outcome in self.thresholds {
            lines.append("  \(outcome.passed ? "✓" : "✗") \(outcome.expression)  observed \(outcome.observedText)")
        }
        let client = self.client
        var cost =
            "  client       cpu \(Self.format(value: client.usage.userCPUSeconds + client.usage.systemCPUSeconds)) s,"
        cost +=
            " max rss \(client.usage.maxRSSBytes / 1024) KiB, nofile \(client.fileLimit.soft)/\(client.fileLimit.hard)"
        if let rss = client.rssBytesPerConnection { cost += ", \(Int(rss)) B rss per connection" }
        if let held = client.heldRSSBytesPerConnection { cost += " (\(Int(held)) B while held)" }
        lines.append(cost)
        return lines.joined(separator: "\n")
    }

    /// What the report summary does not show: engine figures (limits, client cost, connection rate).
    package var engineText: String {
        var lines: [String] = []
        if let rate = self.connectionsPerSecond { lines.append("engine: \(Int(rate)) upgrades/s") }
        if let expression = self.abortedBy {
            lines.append("engine: stopped early by the abortOnFail threshold \(expression)")
        }
        if let limit = self.limitHit {
            lines.append("engine: connect failures hit the \(limit.rawValue) limit (\(limit.explanation))")
        }
        if self.unsolicitedMessages > 0 { lines.append("engine: \(self.unsolicitedMessages) unsolicited messages") }
        if self.skippedSends > 0 {
            lines.append("engine: \(self.skippedSends) paced sends skipped (no connection ready)")
        }
        let client = self.client
        let cpu =
            client.usage.userCPUSeconds + client.usage.systemCPUSeconds - client.baseline.userCPUSeconds
            - client.baseline.systemCPUSeconds
        var cost = "client: cpu \(Self.format(value: cpu)) s, max rss \(client.usage.maxRSSBytes / 1024) KiB"
        if let rss = client.rssBytesPerConnection { cost += ", \(Self.kibibytes(rss)) KiB rss per connection" }
        if let held = client.heldRSSBytesPerConnection, let open = client.heldConnections {
            cost += " (\(Self.kibibytes(held)) KiB while \(open) were held)"
        }
        cost += ", peak \(client.peakConnections) connections, nofile \(client.fileLimit.soft)/\(client.fileLimit.hard)"
        lines.append(cost)
        return lines.joined(separator: "\n")
    }

    /// Bytes as KiB with one decimal.
    static func kibibytes(_ bytes: Double) -> String {
        String((bytes / 1024 * 10).rounded() / 10)
    }

    static func format(us: UInt64) -> String {
        if us >= 1_000_000 { return "\(format(value: Double(us) / 1e6)) s" }
        if us >= 1000 { return "\(format(value: Double(us) / 1e3)) ms" }
        return "\(us) µs"
    }

    static func format(seconds: Double) -> String { "\(format(value: seconds)) s" }

    static func format(value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
