package import NIOCore
import RunResults

/// Number formatting of the check's phase details.
package enum CheckFormat {
    /// Milliseconds with precision that suits the magnitude: `0.083 ms`, `1.42 ms`, `215 ms`, `2.1 s`.
    package static func milliseconds(_ value: Double) -> String {
        PhaseTiming.text(milliseconds: value)
    }

    /// A duration in milliseconds as a Double.
    package static func milliseconds(_ amount: TimeAmount) -> Double {
        Double(amount.nanoseconds) / 1_000_000
    }
}
