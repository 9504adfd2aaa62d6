/// A rate of events per unit of time, e.g. `200/s` or `12000/m`, held as events per second.
package struct Rate: Sendable, Hashable, CustomStringConvertible {
    /// Events per second; never negative.
    package var perSecond: Double

    package init(perSecond: Double) {
        self.perSecond = perSecond
    }

    /// Parses `<number>/<unit>` with unit `s`, `m` or `h` (`200/s`, `12000/m`, `0.5/s`).
    /// - Throws: `UnitError` with code `scenario.rate`.
    package static func parse(_ text: String) throws(UnitError) -> Rate {
        let trimmed = Substring(text.trimmingSpaces)
        guard let (value, digits, rest) = HumanNumber.split(trimmed) else {
            throw UnitError(
                .rate,
                "'\(text)' is not a rate; expected a plain decimal number (no sign or exponent), '/', and s, m or h, e.g. 200/s"
            )
        }
        guard rest.first == "/" else {
            throw UnitError(.rate, "'\(text)' has no time unit; write e.g. \(digits)/s or \(digits)/m")
        }
        let seconds: Double
        switch rest.dropFirst() {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3600
        default:
            throw UnitError(.rate, "'\(text)' has unknown rate unit '\(rest.dropFirst())'; use /s, /m or /h")
        }
        guard value / seconds <= 100_000_000 else {
            throw UnitError(.rate, "'\(text)' is above the maximum of 100000000/s")
        }
        return Rate(perSecond: value / seconds)
    }

    package var description: String {
        perSecond == perSecond.rounded() ? "\(Int64(perSecond))/s" : "\(perSecond)/s"
    }
}
