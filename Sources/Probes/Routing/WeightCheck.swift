package import NIOCore
import ResultCodes
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
        var failures = WeightCheckFailures()
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
                    failures.record(observation, reader: reader)
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

    /// The `weights` check for `distribution`. A check whose connections could not be upgraded fails with the
    /// most frequent failure's code and says so first; 101s without an identity fail it with
    /// `weights.unidentified`; a poor fit, a missing, unexpected or stuck target with `weights.mismatch`. Only a
    /// check that passed says that the counts fit the weights.
    package static func outcome(
        _ distribution: WeightDistribution,
        failures: WeightCheckFailures,
        total: Int
    ) -> CheckOutcome {
        let observed = distribution.shares.map { "\($0.target): \($0.observed)" }.joined(separator: ", ")
        let expected = distribution.shares.map { share in
            "\(share.target): \(Int((share.expectedShare * 100).rounded())) %"
        }.joined(separator: ", ")
        let passed = distribution.passed && failures.isEmpty
        var parts: [String] = []
        if failures.notUpgradedCount > 0 {
            parts.append(
                "\(failures.notUpgradedCount) of \(total) connections could not be upgraded: \(failures.notUpgradedList)."
            )
        }
        if failures.unidentifiedCount > 0 {
            parts.append(
                "\(failures.unidentifiedCount) of \(total) connections were upgraded without an identity:"
                    + " \(failures.unidentifiedList)."
            )
        }
        if distribution.total == 0 {
            parts.append("No connection named a target, so the weights were not tested.")
        } else {
            let numbers =
                failures.isEmpty || distribution.testedCount == 0
                ? distribution.summary : "among them \(distribution.statistics)"
            parts.append("\(distribution.total) of \(total) connections identified (\(observed)); \(numbers).")
            parts += distribution.findings.map(\.message)
        }
        let fallback = failures.isEmpty ? ErrorCode.weightsMismatch : ErrorCode.weightsUnidentified
        let code: String? = passed ? nil : failures.dominantCode ?? fallback.rawValue
        return CheckOutcome(
            name: "weights",
            passed: passed,
            message: parts.joined(separator: " "),
            observed: observed,
            expected: expected,
            code: code
        )
    }
}
