import LoadMetrics
package import RunResults

extension RoutingRun.Result {
    /// Adds the routing checks (before the run's own), the weight check's per-target counts and its χ² numbers
    /// (`weightCheck`) to `result`; a failed check makes a passed verdict `failed` (exit status 1).
    package func apply(to result: inout RunResult) {
        guard !self.checks.isEmpty else { return }
        result.checks = self.checks + result.checks
        for (identity, count) in self.identities.sorted(by: { $0.key < $1.key }) where count > 0 {
            result.metrics.addTargetIdentity(identity, count: UInt64(count))
        }
        if let distribution = self.distribution { result.weightCheck = distribution }
        if !self.passed, result.verdict == .passed { result.verdict = .failed }
    }
}
