extension PhaseTiming {
    /// Milliseconds with precision that suits the magnitude: `0.083 ms`, `1.42 ms`, `215 ms`, `2.1 s` (the
    /// check's console and its phase details).
    package static func text(milliseconds value: Double) -> String {
        switch value {
        case ..<1: "\(Self.rounded(value, places: 3)) ms"
        case ..<10: "\(Self.rounded(value, places: 2)) ms"
        case ..<1000: "\(Self.rounded(value, places: 1)) ms"
        default: "\(Self.rounded(value / 1000, places: 2)) s"
        }
    }

    private static func rounded(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded() / scale
        var text = "\(scaled)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
