/// Why a threshold expression was rejected.
package struct ThresholdError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One of the `scenario.threshold.*` codes.
    package var code: Diagnostic.Code
    package var message: String
    /// Offset in Unicode scalars from the start of the expression.
    package var offset: Int

    package init(_ code: Diagnostic.Code, _ message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    package var description: String { message }
}
