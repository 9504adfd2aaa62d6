/// One event loop's share of an `EchoServer`: its counters and its open connections.
///
/// Touched only on its loop (held in a `NIOLoopBound`), so counting a message is a plain addition.
final class EchoLoopState {
    /// This loop's counters.
    var counters = EchoServerCounters()
    /// Open connections by identity, for `stop()`.
    var sessions: [ObjectIdentifier: EchoSession] = [:]

    init() {}
}

@available(*, unavailable)
extension EchoLoopState: Sendable {}
