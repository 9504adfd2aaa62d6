/// How a threshold's observed value reads in reports: short, fixed, locale-independent.
enum ObservedText {
    /// `850µs`, `12.3ms`, `1.52s`.
    static func duration(seconds: Double) -> String {
        let micros = Swift.max(0, seconds * 1_000_000)
        if micros < 1000 { return micros.formatted(maximumFractionDigits: 0) + "µs" }
        if micros < 1_000_000 { return threeDigits(micros / 1000) + "ms" }
        return threeDigits(micros / 1_000_000) + "s"
    }

    /// `0.12%`, `99.9%`.
    static func percent(fraction: Double) -> String {
        let value = fraction * 100
        let magnitude = Swift.abs(value)
        return value.formatted(maximumFractionDigits: magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3) + "%"
    }

    /// `1234`, `12.5`.
    static func number(_ value: Double) -> String {
        value.formatted(maximumFractionDigits: Swift.abs(value) < 100 ? 2 : 0)
    }

    /// `512 B`, `1.5 KiB`.
    static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = Swift.max(0, value)
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        return (unit == 0 ? scaled.formatted(maximumFractionDigits: 0) : threeDigits(scaled)) + " " + units[unit]
    }

    private static func threeDigits(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        return value.formatted(maximumFractionDigits: magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2)
    }
}
