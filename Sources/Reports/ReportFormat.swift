import RunResults

/// How reports write numbers: fixed, locale-independent, and short, so every format shows the same
/// figure the same way and golden files are stable on every machine.
package enum ReportFormat {
    /// A duration given in microseconds: `850µs`, `12.3ms`, `1.52s`, `2m 05s`.
    package static func duration(micros: Double) -> String {
        let value = Swift.max(0, micros)
        if value < 1000 { return value.formatted(maximumFractionDigits: 0) + "µs" }
        if value < 1_000_000 { return Self.threeDigits(value / 1000) + "ms" }
        if value < 60_000_000 { return Self.threeDigits(value / 1_000_000) + "s" }
        let seconds = Int((value / 1_000_000).rounded())
        let minutes = seconds / 60
        let rest = seconds % 60
        return "\(minutes)m \(rest < 10 ? "0" : "")\(rest)s"
    }

    /// A duration given in microseconds (integer form).
    package static func duration(micros: UInt64) -> String {
        Self.duration(micros: Double(micros))
    }

    /// A duration given in milliseconds.
    package static func duration(milliseconds: Double) -> String {
        Self.duration(micros: milliseconds * 1000)
    }

    /// A duration given in seconds.
    package static func duration(seconds: Double) -> String {
        Self.duration(micros: seconds * 1_000_000)
    }

    /// A count with thousands separators: `1,234,567`.
    package static func count(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// A count given as a double (rates): `12.3k`, `1.2M`, or the number with up to one decimal.
    package static func compact(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        if magnitude >= 1e9 { return Self.threeDigits(value / 1e9) + "G" }
        if magnitude >= 1e6 { return Self.threeDigits(value / 1e6) + "M" }
        if magnitude >= 1e4 { return Self.threeDigits(value / 1e3) + "k" }
        return value.formatted(maximumFractionDigits: magnitude < 10 ? 2 : 1)
    }

    /// A byte count with binary prefixes: `512 B`, `1.5 KiB`, `3.2 MiB`.
    package static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = Swift.max(0, value)
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        return (unit == 0 ? scaled.formatted(maximumFractionDigits: 0) : Self.threeDigits(scaled)) + " " + units[unit]
    }

    /// A fraction as a percentage: `0.12%`, `99.5%`, `100%`.
    package static func percent(fraction: Double) -> String {
        Self.percent(fraction * 100)
    }

    /// A percentage: up to three significant digits below 10, two decimals at most.
    package static func percent(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        let digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return value.formatted(maximumFractionDigits: digits) + "%"
    }

    /// A signed change in percent: `+12.5%`, `-3%`, `0%`.
    package static func change(percent value: Double) -> String {
        (value > 0 ? "+" : "") + Self.percent(value)
    }

    /// Three significant digits, at least the integer part: `1.23`, `12.3`, `123`, `1234`.
    static func threeDigits(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        let digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        return value.formatted(maximumFractionDigits: digits)
    }
}
