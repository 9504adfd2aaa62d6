/// How a ``Pacer`` spaces sends at a given rate.
package enum PacingSpacing: Sendable, Equatable {
    /// Evenly spaced: the k-th send is due exactly k / rate seconds after the start (tcpkali's pacing).
    case constant
    /// A Poisson process: exponentially distributed gaps with mean 1 / rate, drawn from a SplitMix64
    /// generator seeded with `seed`, so the same seed gives the same schedule.
    case poisson(seed: UInt64)
}
