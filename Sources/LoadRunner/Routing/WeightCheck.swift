package import NIOCore
package import RunResults
package import Scenario
package import WSTransport

/// Opens many connections through the scenario's target request and tests the per-target counts against the
/// configured weights with `WeightDistribution` (χ² goodness of fit).
package enum WeightCheck {
    /// What the weight check produced.
    package struct Result: Sendable {
        /// The check, named `weights`.
        package var check: CheckOutcome
        /// Connections per observed target identity.
        package var identities: [String: Int]
        /// The χ² evaluation; nil when the check could not run.
        package var distribution: WeightDistribution?
    }

    /// How many connections are open at once by default: enough to be quick, few enough for any proxy.
    package static let defaultConcurrency = 16

    /// Opens `expectation.connections` connections with `base`, at most `concurrency` at once, one after the
    /// other per slot so that round-robin balancers see a plain sequence.
    package static func run(
        _ expectation: WeightExpectation,
        base: ConnectOptions,
        identity: IdentitySource?,
        concurrency: Int = Self.defaultConcurrency,
        on group: any EventLoopGroup
    ) async -> Result {
        let reader = RouteIdentity(identity)
        let total = max(expectation.connections, 0)
        let slots = max(1, min(concurrency, total))
        var identities: [String: Int] = [:]
        var failures: [String: Int] = [:]
        await withTaskGroup(of: RouteObservation.self) { tasks in
            var started = 0
            while started < slots {
                tasks.addTask { await RouteProbe.observe(base, identity: reader, on: group) }
                started += 1
            }
            for await observation in tasks {
                if let identity = observation.identity(reader) {
                    identities[identity, default: 0] += 1
                } else {
                    failures[observation.summary(reader), default: 0] += 1
                }
                if started < total {
                    tasks.addTask { await RouteProbe.observe(base, identity: reader, on: group) }
                    started += 1
                }
            }
        }
        let distribution = WeightDistribution.evaluate(
            observed: identities,
            weights: expectation.targets.map { (target: $0.target, weight: $0.weight) },
            significance: expectation.significance
        )
        return Result(
            check: Self.outcome(distribution, failures: failures, total: total),
            identities: identities,
            distribution: distribution
        )
    }

    /// The `weights` check for `distribution`; its message names missing, unexpected and stuck targets and the
    /// connections that could not be identified.
    package static func outcome(_ distribution: WeightDistribution, failures: [String: Int], total: Int) -> CheckOutcome
    {
        let observed = distribution.shares.map { "\($0.target): \($0.observed)" }.joined(separator: ", ")
        let expected = distribution.shares.map { share in
            "\(share.target): \(Int((share.expectedShare * 100).rounded())) %"
        }.joined(separator: ", ")
        var parts = ["\(distribution.total) of \(total) connections identified (\(observed)); \(distribution.summary)."]
        parts += distribution.findings.map(\.message)
        if !failures.isEmpty {
            let list = failures.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
            parts.append("Not identified: \(list).")
        }
        let passed = distribution.passed && failures.isEmpty
        return CheckOutcome(
            name: "weights",
            passed: passed,
            message: parts.joined(separator: " "),
            observed: observed,
            expected: expected,
            code: passed ? nil : (failures.isEmpty ? "weights.mismatch" : "weights.unidentified")
        )
    }
}
