import Foundation

/// Parses the human durations of `--heartbeat`: `30s`, `500ms`, `2m`, `1.5s`; a bare number is seconds.
package enum DurationText {
    /// The duration in whole milliseconds, or nil when the text is not a positive duration.
    package static func milliseconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, factor: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        var number = Substring(trimmed)
        var factor = 1000.0
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            number = trimmed.dropLast(unit.suffix.count)
            factor = unit.factor
            break
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        let result = (value * factor).rounded()
        guard result >= 1, result <= Double(Int32.max) else { return nil }
        return Int(result)
    }
}
