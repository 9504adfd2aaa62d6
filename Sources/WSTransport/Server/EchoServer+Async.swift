import NIOCore
import NIOPosix

extension EchoServer {
    /// Binds and starts listening on the process-wide event loop group (one loop per core).
    /// - Throws: `EchoServerError`.
    package static func start(configuration: EchoServerConfiguration) async throws -> EchoServer {
        try await Self.start(configuration: configuration, group: MultiThreadedEventLoopGroup.singleton).get()
    }

    /// `stop()`, awaited: returns once the listener and every connection are closed.
    package func close() async {
        try? await self.stop().get()
    }

    /// `counters()`, awaited.
    package func currentCounters() async throws -> EchoServerCounters {
        try await self.counters().get()
    }

    /// A duration as NIO's `TimeAmount`, saturating at the largest representable amount.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .nanoseconds(.min) : .nanoseconds(.max) }
        let (total, overflowSum) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowSum ? .nanoseconds(.max) : .nanoseconds(total)
    }
}
