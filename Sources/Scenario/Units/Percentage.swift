/// A percentage written `99.9%`, held as a fraction (0.999).
package struct Percentage: Sendable, Hashable, CustomStringConvertible {
    /// The value as a fraction between 0 and 1.
    package var fraction: Double

    package init(fraction: Double) {
        self.fraction = fraction
    }

    /// Parses `<number>%` with the number between 0 and 100.
    /// - Throws: `UnitError` with code `scenario.percentage`.
    package static func parse(_ text: String) throws(UnitError) -> Percentage {
        let trimmed = Substring(text.trimmingSpaces)
        guard let (value, digits, rest) = HumanNumber.split(trimmed) else {
            throw UnitError(.percentage, "'\(text)' is not a percentage; expected a number then %, e.g. 99.9%")
        }
        guard rest == "%" else {
            if rest.isEmpty {
                throw UnitError(.percentage, "'\(text)' has no % sign; write \(digits)%")
            }
            throw UnitError(.percentage, "'\(text)' is not a percentage; expected a number then %, e.g. 99.9%")
        }
        guard value <= 100 else {
            throw UnitError(.percentage, "'\(text)' is above 100%")
        }
        return Percentage(fraction: value / 100)
    }

    package var description: String {
        let percent = fraction * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}
