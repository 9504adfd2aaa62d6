import Foundation
import ResultCodes
package import Scenario
import WSProtocol

/// How one routing row ended: passed, answered differently than expected (a misroute), upgraded without an
/// identity, or not upgraded at all. Only `mismatch` may be called a misroute: every other failure names its
/// own cause.
package enum RouteVerdict: Sendable, Hashable {
    /// The answer matches the expectation.
    case passed
    /// The load balancer answered, but not as expected: another target, status or `Location`.
    case mismatch
    /// A 101 arrived, but without the identity the row needs to name its target.
    case unidentified
    /// The upgrade could not be made (connect, TLS, timeout, handshake error, or a non-101 status where a
    /// target was expected): `code` and `reason` are the failure's own.
    case notUpgraded(code: String, reason: String)

    /// Judges `observation` against `expectation`, reading the identity with `reader`.
    package init(_ expectation: RouteExpectation, observation: RouteObservation, identity reader: RouteIdentity) {
        switch (expectation, observation) {
        case (_, .failed(let code, let message)):
            self = .notUpgraded(code: code, reason: Self.sentence(message))
        case (.targets, .status(let status, _)):
            self = .notUpgraded(
                code: HandshakeStatusClass(status: status).code,
                reason: "the server answered \(status) instead of 101 Switching Protocols."
            )
        case (.targets(let targets), .upgraded):
            guard let identity = observation.identity(reader) else {
                self = .unidentified
                return
            }
            self = targets.contains(identity) ? .passed : .mismatch
        case (.status(let expected), .status(let status, _)):
            self = status == expected ? .passed : .mismatch
        case (.status(let expected), .upgraded):
            self = expected == 101 ? .passed : .mismatch
        case (.redirect(let location), .status(let status, let headers)):
            let redirected = [301, 302, 303, 307, 308].contains(status)
            self = redirected && headers.combinedValue(named: "Location") == location ? .passed : .mismatch
        case (.redirect, .upgraded):
            self = .mismatch
        }
    }

    /// The stable code of a failed row: `route.mismatch`, `route.unidentified` or the failure's own; nil
    /// when passed.
    package var code: String? {
        switch self {
        case .passed: nil
        case .mismatch: ErrorCode.routeMismatch.rawValue
        case .unidentified: ErrorCode.routeUnidentified.rawValue
        case .notUpgraded(let code, _): code
        }
    }

    private static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last else { return "no reason given." }
        return ".!?".contains(last) ? trimmed : trimmed + "."
    }
}
