package import ResultCodes

/// Why a `--max-regression` specification is not understood; each case has a stable `code`.
package enum RegressionSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `=` between the figure and the limit.
    case missingEquals(String)
    /// The figure is not one `compare` knows.
    case unknownMetric(String, figure: String)
    /// The limit is not a percentage such as `10%` or `-5%`.
    case invalidLimit(String, limit: String)

    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .missingEquals: .compareInvalidSpec
        case .unknownMetric: .compareUnknownMetric
        case .invalidLimit: .compareInvalidLimit
        }
    }

    package var description: String {
        let detail =
            switch self {
            case .missingEquals(let spec):
                "'\(spec)' is not FIGURE=LIMIT (e.g. p99=10%, error_rate=0.1%, throughput=-5%)"
            case .unknownMetric(let spec, let figure):
                "'\(figure)' in '\(spec)' is not a known figure; use p50, p90, p99, p99.9, min, max, mean "
                    + "(optionally with a histogram, e.g. p99(connect_total)), error_rate, or throughput "
                    + "(optionally with a counter, e.g. throughput(upgrades_ok))"
            case .invalidLimit(let spec, let limit):
                "'\(limit)' in '\(spec)' is not a percentage such as 10% or -5%"
            }
        return "error[\(self.code)]: \(detail)"
    }
}
