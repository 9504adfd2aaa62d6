import Foundation

/// Number formatting shared by the idle probe's console output and advice.
package enum IdleProbeFormat {
    /// `2 s`, `2.5 s`, `0.125 s`: up to three decimals, no trailing zeros.
    package static func seconds(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + " s"
    }

    /// Seconds of a `TimeAmount`.
    package static func seconds(of amount: Int64) -> Double { Double(amount) / 1e9 }
}
