/// Which command produced a result.
package enum RunKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// `wsprobe check`: one connection, step by step, with phase timings.
    case check
    /// `wsprobe run`: a scenario under load.
    case run
    /// `wsprobe probe idle`: the idle cutoff of a path (findings in ``RunResult/probe``).
    case probeIdle = "probe-idle"
    /// `wsprobe probe deflate`: which permessage-deflate offers survive a path.
    case probeDeflate = "probe-deflate"
    /// `wsprobe probe rate`: the highest message rate whose thresholds pass.
    case probeRate = "probe-rate"
}
