import ResultCodes

/// The JSON encoder failed to render a report (not expected for string and integer content).
package struct LintFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the encoder said.
    package var reason: String

    /// A stable code for scripts.
    package var code: String { ErrorCode.albFormatFailed.rawValue }

    package var description: String { "could not render the lint report as JSON: \(reason)" }
}
