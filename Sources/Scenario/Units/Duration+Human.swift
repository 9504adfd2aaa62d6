extension Duration {
    /// The longest duration a scenario may name: 31 days, so every value fits comfortably in nanoseconds.
    package static let humanMaximum: Duration = .seconds(31 * 24 * 3600)

    /// Parses a human duration: one or more `<number><unit>` parts, units `ns`, `us` (or `µs`), `ms`, `s`,
    /// `m`, `h`, largest first, e.g. `250ms`, `30s`, `2m`, `1h30m`, `1.5s`, `0s`.
    /// - Throws: `UnitError` with code `scenario.duration` naming what is wrong.
    package static func parseHuman(_ text: String) throws(UnitError) -> Duration {
        let units: [(name: String, nanoseconds: Double)] = [
            ("h", 3_600e9), ("m", 60e9), ("s", 1e9), ("ms", 1e6), ("us", 1e3), ("µs", 1e3), ("ns", 1),
        ]
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else {
            throw UnitError(.duration, "expected a duration such as 250ms, 30s, 2m or 1h30m, found nothing")
        }
        var rest = Substring(trimmed)
        var total = 0.0
        var previousRank = -1
        while !rest.isEmpty {
            guard let (value, digits, after) = HumanNumber.split(rest) else {
                throw UnitError(
                    .duration,
                    "'\(text)' is not a duration; expected a plain decimal number (no sign or exponent) then a unit "
                        + "(ns, us, ms, s, m, h), e.g. 30s"
                )
            }
            var unitEnd = after.startIndex
            while unitEnd < after.endIndex, after[unitEnd].isLetter { unitEnd = after.index(after: unitEnd) }
            let unit = after[after.startIndex..<unitEnd]
            if unit.isEmpty, after.first == " " {
                throw UnitError(
                    .duration,
                    "'\(text)' contains a space; write the unit right after the number, e.g. \(digits)s"
                )
            }
            guard !unit.isEmpty else {
                throw UnitError(
                    .duration,
                    "'\(text)' has no unit after \(digits); write e.g. \(digits)s or \(digits)ms"
                )
            }
            guard let rank = units.firstIndex(where: { $0.name == unit }) else {
                throw UnitError(
                    .duration,
                    "'\(text)' has unknown duration unit '\(unit)'; use ns, us, ms, s, m or h"
                )
            }
            let canonicalRank = rank > 4 ? rank - 1 : rank
            guard canonicalRank > previousRank else {
                throw UnitError(
                    .duration,
                    "'\(text)' repeats or misorders units; write the largest unit first, e.g. 1h30m"
                )
            }
            previousRank = canonicalRank
            total += value * units[rank].nanoseconds
            rest = after[unitEnd...]
        }
        guard total <= Double(humanMaximum.components.seconds) * 1e9 else {
            throw UnitError(.duration, "'\(text)' is longer than the 31-day maximum")
        }
        return .nanoseconds(Int64(total.rounded()))
    }

    /// The duration as fractional seconds.
    package var secondsDouble: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// A compact human rendering, e.g. `1.5s`, `250ms`, `2m`, used in summaries.
    package var humanDescription: String {
        let nanos = Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
        func format(_ value: Double, _ unit: String) -> String {
            if value == value.rounded() { return "\(Int64(value))\(unit)" }
            return "\(value)\(unit)"
        }
        if nanos == 0 { return "0s" }
        if nanos.truncatingRemainder(dividingBy: 3_600e9) == 0 { return format(nanos / 3_600e9, "h") }
        if nanos.truncatingRemainder(dividingBy: 60e9) == 0 { return format(nanos / 60e9, "m") }
        if nanos >= 1e9 { return format(nanos / 1e9, "s") }
        if nanos >= 1e6 { return format(nanos / 1e6, "ms") }
        if nanos >= 1e3 { return format(nanos / 1e3, "us") }
        return format(nanos, "ns")
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (no Foundation needed).
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
