/// How serious a finding is; any `error` makes `wsprobe alb lint` exit with status 1.
package enum LintSeverity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// WebSockets through this configuration fail, or the API rejects it.
    case error
    /// WebSockets work but behave in a way that surprises (imbalance, drains, races).
    case warning
    /// Worth knowing; nothing is wrong by itself.
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    package static func < (lhs: LintSeverity, rhs: LintSeverity) -> Bool {
        lhs.rank < rhs.rank
    }
}
