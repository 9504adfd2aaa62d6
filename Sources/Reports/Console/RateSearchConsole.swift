import Foundation
import RunResults

/// `wsprobe probe rate`'s text: one line per step, then the conclusion.
enum RateSearchConsole {
    static func text(_ details: RateSearchDetails) -> String {
        let header =
            "wsprobe probe rate \(details.scenario) → \(details.target), \(Self.number(details.stepSeconds)) s per step"
        var lines = [header]
        for step in details.steps { lines.append(Self.line(step)) }
        if let reason = details.nothingMeasured { lines.append("error: nothing measured: \(reason)") }
        lines.append(details.interrupted ? "interrupted: \(details.conclusion)" : "result: \(details.conclusion)")
        return lines.joined(separator: "\n")
    }

    /// One step: `  ✓   1600/s  sent 16000 received 16000 lost 0 errors 0  p50 0.05 ms p99 0.2 ms`.
    static func line(_ step: RateSearchStep) -> String {
        let rate = String(step.rate)
        let padded = String(repeating: " ", count: max(0, 8 - rate.count)) + rate
        var line = "  \(step.passed ? "✓" : "✗") \(padded)/s  sent \(step.sent) received \(step.received)"
        line += " lost \(step.lost) errors \(step.errors)"
        if let p50 = step.p50Microseconds, let p99 = step.p99Microseconds {
            line += "  p50 \(Self.milliseconds(p50)) p99 \(Self.milliseconds(p99))"
        }
        if !step.failedThresholds.isEmpty { line += "  ✗ " + step.failedThresholds.joined(separator: "; ") }
        if let warmUp = step.warmUpSeconds { line += "  (measured after \(Self.number(warmUp)) s warm-up)" }
        if let reason = step.nothingMeasured { line += "  ✗ nothing measured: \(reason)" }
        return line
    }

    private static func milliseconds(_ microseconds: UInt64) -> String {
        "\(Self.number(Double(microseconds) / 1000)) ms"
    }

    private static func number(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.3g", value)
    }
}
