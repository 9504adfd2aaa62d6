/// Which command produced a result.
package enum RunKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// `wsprobe check`: one connection, step by step, with phase timings.
    case check
    /// `wsprobe run`: a scenario under load.
    case run
}
