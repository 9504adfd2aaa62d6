import Foundation
import LoadMetrics
import RunResults

extension RunOutcome {
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
