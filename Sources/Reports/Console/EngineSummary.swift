package import RunResults

/// The console lines `run` prints after the summary: the engine's own figures from the result's
/// ``RunResult/loadDetails`` (connection rate, early stop, limit hit, unsolicited messages, skipped sends) and
/// what the run cost the client.
package enum EngineSummary {
    /// The lines, joined by newlines (no trailing one); `nil` when the result has no load details (a check, a
    /// version-1 report).
    package static func text(_ result: RunResult) -> String? {
        guard let details = result.loadDetails else { return nil }
        var lines: [String] = []
        if let rate = details.connectionsPerSecond, rate.isFinite { lines.append("engine: \(Int(rate)) upgrades/s") }
        if let expression = result.abortedBy {
            lines.append("engine: stopped early by the abortOnFail threshold \(expression)")
        }
        if let limit = details.limitHit {
            lines.append("engine: connect failures hit the \(limit.rawValue) limit (\(limit.explanation))")
        }
        if details.unsolicitedMessages > 0 {
            lines.append("engine: \(details.unsolicitedMessages) unsolicited messages")
        }
        if details.skippedSends > 0 {
            lines.append("engine: \(details.skippedSends) paced sends skipped (no connection ready)")
        }
        if let client = details.clientCost { lines.append(Self.costLine(client)) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// `client: cpu 1.2 s, max rss 40960 KiB, … peak 100 connections, nofile 1024/4096`.
    static func costLine(_ client: ClientCost) -> String {
        var cost = "client: cpu \(Self.format(client.runCPUSeconds)) s, max rss \(client.usage.maxRSSBytes / 1024) KiB"
        if let rss = client.rssBytesPerConnection { cost += ", \(Self.kibibytes(rss)) KiB rss per connection" }
        if let held = client.heldRSSBytesPerConnection, let open = client.heldConnections {
            cost += " (\(Self.kibibytes(held)) KiB while \(open) were held)"
        }
        cost += ", peak \(client.peakConnections) connections, nofile \(client.fileLimit.soft)/\(client.fileLimit.hard)"
        return cost
    }

    /// Bytes as KiB with one decimal.
    private static func kibibytes(_ bytes: Double) -> String {
        String((bytes / 1024 * 10).rounded() / 10)
    }

    /// At most three decimals, none for a whole number.
    private static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
