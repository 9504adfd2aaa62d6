package import RunResults

extension RoutingRun.Result {
    /// Adds the routing checks (before the run's own) and the weight check's numbers (`weightCheck`, with its
    /// per-target counts) to `result`; a failed check makes a passed verdict `failed` (exit status 1). The
    /// weight check's connections stay out of `metrics`, which describe the load phase alone.
    package func apply(to result: inout RunResult) {
        guard !self.checks.isEmpty else { return }
        result.checks = self.checks + result.checks
        if let distribution = self.distribution { result.weightCheck = distribution }
        if !self.passed, result.verdict == .passed { result.verdict = .failed }
    }
}
