package import NIOCore

/// Where a `Coordinator` reads time and waits: its per-second sampling, the measurement window and the drain.
/// The real one is `SystemRunClock`; a test injects one that advances the workers' virtual event-loop time
/// instead of sleeping, so a whole run (and a rate search) takes no wall time.
package protocol RunClock: Sendable {
    /// Monotonic now, on the same clock as the workers' event loops (`EventLoop.now`).
    var now: NIODeadline { get }

    /// Returns at `deadline` (at once when it has passed); never throws, a cancelled wait returns early.
    func sleep(until deadline: NIODeadline) async
}

/// The system's monotonic clock (`NIODeadline.now()`, the event loops' clock), waiting with `Task.sleep`.
package struct SystemRunClock: RunClock {
    package init() {}

    package var now: NIODeadline { .now() }

    package func sleep(until deadline: NIODeadline) async {
        let remaining = deadline - .now()
        guard remaining > .zero else { return }
        try? await Task.sleep(for: .nanoseconds(remaining.nanoseconds))
    }
}

extension Duration {
    /// `amount` as a `Duration`.
    init(_ amount: TimeAmount) {
        self = .nanoseconds(amount.nanoseconds)
    }
}
