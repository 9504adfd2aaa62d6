package import NIOCore
package import RunResults
package import Scenario
package import WSTransport

/// The routing phase of `wsprobe run`: every `routes` row, then the `weights` check, before the load phase.
package enum RoutingRun {
    /// The routing phase's checks and identity counts.
    package struct Result: Sendable {
        /// One check per row (in file order), then `weights` when configured.
        package var checks: [CheckOutcome] = []
        /// Connections per target identity seen by the weight check.
        package var identities: [String: Int] = [:]
        /// The weight check's χ² evaluation, when it ran.
        package var distribution: WeightDistribution?

        /// Whether every check passed.
        package var passed: Bool { self.checks.allSatisfy(\.passed) }

        /// An empty result: no checks, no counts.
        package init() {}
    }

    /// Runs the rows one after the other (so a misroute is easy to find in proxy logs), then the weight check.
    package static func run(
        routes: [Route],
        weights: WeightExpectation?,
        identity: IdentitySource?,
        base: ConnectOptions,
        on group: any EventLoopGroup
    ) async -> Result {
        var result = Result()
        let clock = ContinuousClock()
        for route in routes {
            let started = clock.now
            var check = await RouteCheck.run(route, base: base, identity: identity, on: group)
            check.seconds = (clock.now - started).secondsDouble
            result.checks.append(check)
        }
        if let weights {
            let started = clock.now
            let weight = await WeightCheck.run(weights, base: base, identity: identity, on: group)
            var check = weight.check
            check.seconds = (clock.now - started).secondsDouble
            result.checks.append(check)
            result.identities = weight.identities
            result.distribution = weight.distribution
        }
        return result
    }
}
