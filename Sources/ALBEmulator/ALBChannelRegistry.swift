import NIOCore
import Synchronization

/// Every open channel of the emulated ALB (client and target sides), so shutdown can close them all and
/// wait for them: nothing outlives `EmbeddedALB.stop()`.
///
/// Sendable: the dictionary is behind a `Mutex`, taken once when a channel opens and once when it closes.
final class ALBChannelRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    init() {}

    /// Records `channel` until it closes; after `closeAll()` it is closed at once instead.
    func register(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let accepted = self.state.withLock { state in
            guard !state.closed else { return false }
            state.channels[key] = channel
            return true
        }
        guard accepted else {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { [self] _ in
            _ = self.state.withLock { $0.channels.removeValue(forKey: key) }
        }
    }

    /// Closes every recorded channel and refuses new ones; the futures complete when each has closed.
    func closeAll() -> [EventLoopFuture<Void>] {
        let channels = self.state.withLock { state in
            state.closed = true
            return Array(state.channels.values)
        }
        return channels.map { channel in
            channel.close(promise: nil)
            return channel.closeFuture
        }
    }

    /// How many channels are open (for tests: zero after `stop()`).
    var openCount: Int { self.state.withLock { $0.channels.count } }
}
