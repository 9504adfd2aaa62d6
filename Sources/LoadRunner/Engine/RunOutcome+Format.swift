extension RunOutcome {
    /// Microseconds as `850 µs`, `1.25 ms` or `2.5 s`, for the progress lines.
    static func format(us: UInt64) -> String {
        if us >= 1_000_000 { return "\(format(value: Double(us) / 1e6)) s" }
        if us >= 1000 { return "\(format(value: Double(us) / 1e3)) ms" }
        return "\(us) µs"
    }

    /// At most three decimals, none for a whole number.
    static func format(value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
