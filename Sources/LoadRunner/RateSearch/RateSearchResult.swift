import Foundation
import RunResults

/// The outcome of `wsprobe probe rate`: every step and the highest rate that passed.
package struct RateSearchResult: Sendable, Codable, Equatable {
    package var scenario: String
    package var target: String
    /// Seconds each step ran.
    package var stepSeconds: Double
    package var steps: [RateSearchStep]
    /// The highest rate whose step passed, `nil` when none did.
    package var highestPassingRate: Int?
    /// Why the search ended, in one sentence.
    package var conclusion: String
    /// True when Ctrl-C or SIGTERM stopped the search.
    package var interrupted: Bool

    /// Why the search measured nothing (every step did, see ``RateSearchStep/nothingMeasured``): its verdict
    /// is `error`, exit status 4. `nil` when a step measured something or no step ran.
    package var nothingMeasured: String? {
        guard let first = self.steps.first?.nothingMeasured else { return nil }
        return self.steps.allSatisfy { $0.nothingMeasured != nil } ? first : nil
    }

    /// The console report: one line per step, then the conclusion.
    package func consoleText() -> String {
        let header = "wsprobe probe rate \(self.scenario) → \(self.target), \(Self.number(self.stepSeconds)) s per step"
        var lines = [header]
        for step in self.steps { lines.append(Self.line(step)) }
        if let reason = self.nothingMeasured { lines.append("error: nothing measured: \(reason)") }
        lines.append(self.interrupted ? "interrupted: \(self.conclusion)" : "result: \(self.conclusion)")
        return lines.joined(separator: "\n")
    }

    /// One step: `  ✓   1600/s  sent 16000 received 16000 lost 0 errors 0  p50 0.05 ms p99 0.2 ms`.
    static func line(_ step: RateSearchStep) -> String {
        let rate = String(step.rate).leftPadded(to: 8)
        var line = "  \(step.passed ? "✓" : "✗") \(rate)/s  sent \(step.sent) received \(step.received)"
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

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        self.count >= width ? self : String(repeating: " ", count: width - self.count) + self
    }
}

extension RateSearchResult: JSONTextOutput {}
