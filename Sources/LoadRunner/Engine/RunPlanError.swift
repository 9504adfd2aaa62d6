package import ResultCodes

/// Why a scenario could not be turned into a runnable plan.
package struct RunPlanError: Error, Sendable, CustomStringConvertible {
    /// Whether the scenario is wrong (exit 2) or the environment is (exit 3).
    package enum Kind: Sendable {
        case invalid
        case couldNotStart
    }

    package var kind: Kind
    /// The stable code, such as `usage.url` or `tls.ca-file`.
    package var errorCode: ErrorCode
    package var message: String

    package init(_ kind: Kind, code: ErrorCode, _ message: String) {
        self.kind = kind
        self.errorCode = code
        self.message = message
    }

    /// The code as it is printed.
    package var code: String { self.errorCode.rawValue }

    package var description: String { self.message }
}
