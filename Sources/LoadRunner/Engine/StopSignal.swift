import Synchronization

/// Asks a running `Coordinator` to stop early (SIGINT/SIGTERM), from any thread.
package final class StopSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    package init() {}

    /// Requests the stop; the coordinator notices within 100 ms.
    package func request() {
        self.requested.store(true, ordering: .releasing)
    }

    package var isRequested: Bool { self.requested.load(ordering: .acquiring) }
}
