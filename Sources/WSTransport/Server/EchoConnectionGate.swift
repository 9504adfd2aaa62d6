import Synchronization

/// Counts open connections across event loops to enforce `maxConnections`.
///
/// Touched twice per connection (open and close), never per message. Sendable: its only state is an
/// `Atomic<Int>`.
final class EchoConnectionGate: Sendable {
    private let open = Atomic<Int>(0)

    init() {}

    /// Counts a new connection; false (and not counted) when `limit` connections are already open.
    func enter(limit: Int?) -> Bool {
        let now = self.open.wrappingAdd(1, ordering: .relaxed).newValue
        if let limit, now > limit {
            self.open.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Counts a connection that was admitted by `enter` as closed.
    func leave() {
        self.open.wrappingSubtract(1, ordering: .relaxed)
    }
}
