import ResultCodes

/// Why the idle probe could not run at all.
package struct IdleProbeError: Error, Sendable, CustomStringConvertible {
    /// A stable dotted code: `probe.connect` when no probe connection opened.
    package var code: String
    package var message: String

    package var description: String { self.message }

    /// The code when no probe connection upgraded: the probe measured nothing.
    package static let noConnection = ErrorCode.probeConnect.rawValue
}
