package import NIOCore
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
    package static func evaluate(
        _ route: Route,
        observation: RouteObservation,
        identity reader: RouteIdentity
    ) -> CheckOutcome {
        let observed = observation.summary(reader)
        let expected: String
        let passed: Bool
        switch route.expect {
        case .targets(let targets):
            expected = "101 from " + targets.sorted().joined(separator: " or ")
            passed = observation.identity(reader).map(targets.contains) ?? false
        case .status(let status):
            expected = "\(status)"
            switch observation {
            case .upgraded: passed = status == 101
            case .status(let seen, _): passed = seen == status
            case .failed: passed = false
            }
        case .redirect(let location):
            expected = "3xx → \(location)"
            if case .status(let status, let headers) = observation, [301, 302, 303, 307, 308].contains(status) {
                passed = headers.combinedValue(named: "Location") == location
            } else {
                passed = false
            }
        }
        let message: String
        if passed {
            message = "Route '\(route.name)': \(observed), as expected."
        } else if case .failed(_, let reason) = observation {
            message = "Route '\(route.name)' misrouted: expected \(expected), but the request failed: \(reason)"
        } else {
            message = "Route '\(route.name)' misrouted: expected \(expected), observed \(observed)."
        }
        var code: String?
        if !passed {
            if case .failed(let failure, _) = observation { code = failure } else { code = "route.mismatch" }
        }
        return CheckOutcome(
            name: "route \(route.name)",
            passed: passed,
            message: message,
            observed: observed,
            expected: expected,
            phase: "upgrade",
            code: code
        )
    }

    private static func invalid(_ route: Route, _ error: RouteRequestBuilder.InvalidRow) -> CheckOutcome {
        CheckOutcome(
            name: "route \(route.name)",
            passed: false,
            message: "Route '\(route.name)' was not run: \(error.description)",
            phase: "upgrade",
            code: error.code
        )
    }
}
