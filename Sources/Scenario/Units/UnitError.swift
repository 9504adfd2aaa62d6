/// Why a human-unit value (duration, rate, size, percentage) was rejected.
package struct UnitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The diagnostic code of the unit kind (`scenario.duration`, `scenario.rate`, …).
    package var code: Diagnostic.Code
    package var message: String

    package init(_ code: Diagnostic.Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
