/// Why a scenario could not be turned into a runnable plan.
package struct RunPlanError: Error, Sendable, CustomStringConvertible {
    /// Whether the scenario is wrong (exit 2) or the environment is (exit 3).
    package enum Kind: Sendable {
        case invalid
        case couldNotStart
    }

    package var kind: Kind
    /// A stable dotted code such as `usage.url` or `tls.ca-file`.
    package var code: String
    package var message: String

    package init(_ kind: Kind, code: String, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    package var description: String { self.message }
}
