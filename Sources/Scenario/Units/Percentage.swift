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
        return Percentage(fraction: Self.shiftedTwoPlaces(digits) ?? value / 100)
    }

    /// The decimal text divided by 100 by moving the point, so `99.9` becomes exactly `Double("0.999")`
    /// rather than `99.9 / 100` (which is 0.9990000000000001 and would fail `>= 99.9%` comparisons).
    private static func shiftedTwoPlaces(_ digits: Substring) -> Double? {
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        while whole.count < 3 { whole = "0" + whole }
        let shifted = String(whole.dropLast(2)) + "." + String(whole.suffix(2)) + fraction
        return Double(shifted)
    }

    package var description: String {
        let percent = fraction * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}
