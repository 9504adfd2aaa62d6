package import NIOCore
import ResultCodes
package import RunResults
package import Scenario
import WSProtocol
package import WSTransport

/// Runs one routing-matrix row: one upgrade request built from the row, compared with the row's expectation.
package enum RouteCheck {
    /// Sends the row through `base` (the scenario's target request) and returns its check, named after the row.
    package static func run(
        _ route: Route,
        base: ConnectOptions,
        identity: IdentitySource?,
        on group: any EventLoopGroup
    ) async -> CheckOutcome {
        let options: ConnectOptions
        do {
            options = try RouteRequestBuilder.options(for: route.request, base: base)
        } catch {
            return Self.invalid(route, error)
        }
        let reader = route.expect.namesTargets ? RouteIdentity(identity) : .header(RouteIdentity.defaultHeader)
        let observation = await RouteProbe.observe(options, identity: reader, on: group)
        return Self.evaluate(route, observation: observation, identity: reader)
    }

    /// Compares an observation with the row's expectation; the message names the row, the expected and the
    /// observed identity, status or location.
    ///
    /// Only an answer that differs from the expectation is a misroute (`route.mismatch`). A row whose upgrade
    /// could not be made fails with the failure's own code and message instead: a connect, TLS or timeout error
    /// (`tcp.refused`), or a non-101 status where the row expects a target (`handshake.status.*`).
    package static func evaluate(
        _ route: Route,
        observation: RouteObservation,
        identity reader: RouteIdentity
    ) -> CheckOutcome {
        let observed = observation.summary(reader)
        let expected = Self.expected(route.expect)
        let verdict = RouteVerdict(route.expect, observation: observation, identity: reader)
        let message: String
        switch verdict {
        case .passed:
            message = "Route '\(route.name)': \(observed), as expected."
        case .mismatch:
            message = "Route '\(route.name)' misrouted: expected \(expected), observed \(observed)."
        case .unidentified:
            message = "Route '\(route.name)' could not be identified: expected \(expected), observed \(observed)."
        case .notUpgraded(let code, let reason):
            message =
                "Route '\(route.name)' failed: the upgrade could not be made (\(code)): \(reason)"
                + " Expected \(expected); routing was not checked."
        }
        return CheckOutcome(
            name: "route \(route.name)",
            passed: verdict == .passed,
            message: message,
            observed: observed,
            expected: expected,
            phase: Phase.upgrade.rawValue,
            code: verdict.code
        )
    }

    /// `101 from A or B`, `418`, `3xx → /v2`.
    private static func expected(_ expectation: RouteExpectation) -> String {
        switch expectation {
        case .targets(let targets): "101 from " + targets.sorted().joined(separator: " or ")
        case .status(let status): "\(status)"
        case .redirect(let location): "3xx → \(location)"
        }
    }

    private static func invalid(_ route: Route, _ error: RouteRequestBuilder.InvalidRow) -> CheckOutcome {
        CheckOutcome(
            name: "route \(route.name)",
            passed: false,
            message: "Route '\(route.name)' was not run: \(error.description)",
            phase: Phase.upgrade.rawValue,
            code: error.code
        )
    }
}
