extension RunKind {
    /// Whether the result is one of a `wsprobe probe` command, whose findings are in ``RunResult/probe``.
    package var isProbe: Bool {
        switch self {
        case .probeIdle, .probeDeflate, .probeRate: true
        case .check, .run: false
        }
    }
}
