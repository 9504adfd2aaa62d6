import Foundation
package import Scenario

/// An expected idle cutoff with a tolerance, from `--expect-cutoff 50s±5s` (or `50s+-5s`, or `50s` alone with
/// the probe's resolution as tolerance).
package struct IdleProbeExpectation: Sendable, Hashable, Codable {
    package var seconds: Double
    package var toleranceSeconds: Double

    package init(seconds: Double, toleranceSeconds: Double) {
        self.seconds = seconds
        self.toleranceSeconds = toleranceSeconds
    }

    /// Parses `VALUE[±TOLERANCE]` with human durations (`50s`, `1m`, `500ms`).
    /// - Throws: `UnitError` when a duration does not parse or the tolerance is negative.
    package static func parse(_ text: String, defaultToleranceSeconds: Double) throws(UnitError) -> IdleProbeExpectation
    {
        let separators = ["±", "+-", "+/-"]
        var valueText = text.trimmingCharacters(in: .whitespaces)
        var toleranceText: String?
        for separator in separators {
            if let range = valueText.range(of: separator) {
                toleranceText = String(valueText[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                valueText = String(valueText[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
                break
            }
        }
        let value = try Duration.parseHuman(valueText).secondsDouble
        let tolerance = try toleranceText.map { text throws(UnitError) in try Duration.parseHuman(text).secondsDouble }
        return IdleProbeExpectation(seconds: value, toleranceSeconds: tolerance ?? defaultToleranceSeconds)
    }

    /// Whether a measured cutoff lies within the tolerance; a missing cutoff never meets an expectation.
    package func isMet(by cutoff: Double?) -> Bool {
        guard let cutoff else { return false }
        return abs(cutoff - self.seconds) <= self.toleranceSeconds + 1e-9
    }

    /// `50 s ± 5 s`.
    package var text: String {
        "\(IdleProbeFormat.seconds(self.seconds)) ± \(IdleProbeFormat.seconds(self.toleranceSeconds))"
    }
}
