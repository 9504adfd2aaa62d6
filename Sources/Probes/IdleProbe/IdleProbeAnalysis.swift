import Foundation

/// The pure arithmetic of the idle probe: the cutoff from silent closures and a safe heartbeat interval.
package enum IdleProbeAnalysis {
    /// Closures sooner than this after the upgrade (100 ms) are refusals, not idle timeouts: no heartbeat
    /// advice is given for them.
    package static let immediateCloseSeconds = 0.1

    /// The cutoff is the shortest idle time at which the peer closed a silent connection: a timer that fires at
    /// its timeout never closes earlier, and later closures only show its jitter. Nil when none closed.
    package static func cutoff(idleSeconds: [Double]) -> (first: Double, last: Double)? {
        guard let first = idleSeconds.min(), let last = idleSeconds.max() else { return nil }
        return (first, last)
    }

    /// The cutoff rounded to the nearest multiple of the resolution (itself when the resolution is 0).
    package static func rounded(_ seconds: Double, resolution: Double) -> Double {
        guard resolution > 0 else { return seconds }
        return (seconds / resolution).rounded() * resolution
    }

    /// A heartbeat interval that keeps a tunnel with this cutoff open: half the cutoff, rounded down to the
    /// resolution (or to milliseconds when the resolution is coarser than half the cutoff).
    ///
    /// Half leaves a whole interval of slack: a heartbeat can be late or lost by up to half a cutoff, or the
    /// peer's timer fire early by as much, before the tunnel idles out. An interval equal to the cutoff races
    /// the timer (the Mattermost failure in peers.md §3.3 item 2), so the result is always below the cutoff.
    package static func safeHeartbeat(cutoff: Double, resolution: Double) -> Double {
        let half = cutoff / 2
        if resolution > 0, resolution <= half {
            return (half / resolution).rounded(.down) * resolution
        }
        return (half * 1000).rounded(.down) / 1000
    }

    /// The heartbeat interval the keep-alive connections use: a third of the cutoff, so two heartbeats fall
    /// inside every cutoff window even when one is delayed.
    package static func probeInterval(cutoff: Double) -> Double {
        max(cutoff / 3, 0.05)
    }

    /// How long the keep-alive connections are held: past the cutoff by half a cutoff (at least one resolution
    /// step), so a mode that does not reset the timer is closed at the cutoff well before the hold ends.
    package static func keepAliveHold(cutoff: Double, resolution: Double) -> Double {
        cutoff + max(cutoff / 2, resolution)
    }
}
