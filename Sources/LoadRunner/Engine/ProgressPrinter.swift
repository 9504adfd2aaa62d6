import LoadMetrics
import Scenario
import SecretRedaction

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders live progress to standard error from the coordinator's per-second samples.
struct ProgressPrinter {
    let mode: ProgressMode
    let totalSeconds: Double?
    private var drawnLines = 0

    init(mode: ProgressMode, totalSeconds: Double?) {
        self.mode = mode
        self.totalSeconds = totalSeconds
    }

    mutating func show(second: Int, interval: MetricsSnapshot, total: MetricsSnapshot, target: Int) {
        let elapsed = self.totalSeconds.map { "\(second)s/\(Int($0))s" } ?? "\(second)s"
        let rtt = interval[.messageRTT]
        let latency =
            rtt.isEmpty
            ? "p50 -  p99 -"
            : "p50 \(RunOutcome.format(us: rtt.value(atPercentile: 50)))  p99 \(RunOutcome.format(us: rtt.value(atPercentile: 99)))"
        let errors = total.errors.sorted { $0.value > $1.value }.prefix(3).map { "\($0.key) ×\($0.value)" }
        let errorText = errors.isEmpty ? "none" : errors.joined(separator: ", ")
        switch self.mode {
        case .quiet:
            return
        case .lines(let every):
            guard every > 0, second % every == 0 else { return }
            Self.emit(
                "[\(elapsed)] open \(interval.connectionsOpen)/\(target)  sent \(interval[.messagesSent])/s"
                    + "  received \(interval[.messagesReceived])/s  rtt \(latency)  errors \(errorText)\n"
            )
        case .terminal:
            let lines = [
                "wsprobe run  \(elapsed)",
                "  connections  \(interval.connectionsOpen) open / \(target) target   upgrades \(total[.upgradesOK]) ok, \(total[.upgradesFailed]) failed",
                "  messages     \(interval[.messagesSent])/s sent, \(interval[.messagesReceived])/s received, \(total[.messagesLost]) lost",
                "  message_rtt  \(latency)",
                "  errors       \(errorText)",
            ]
            var text = ""
            if self.drawnLines > 0 { text += "\u{1B}[\(self.drawnLines)F\u{1B}[J" }
            text += lines.joined(separator: "\n") + "\n"
            self.drawnLines = lines.count
            Self.emit(text)
        }
    }

    private static func emit(_ text: String) {
        var remaining = Array(Redaction.redact(text: text).utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            remaining = remaining.dropFirst(written)
        }
    }
}
