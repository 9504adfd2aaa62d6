/// How events are spread in time at a given rate.
package enum Spacing: String, Sendable, Hashable, CaseIterable {
    /// Exactly 1/rate apart.
    case constant
    /// Exponentially distributed gaps (a Poisson process), closer to real independent clients.
    case poisson
}
