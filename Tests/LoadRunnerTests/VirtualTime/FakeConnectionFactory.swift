import NIOCore
import ResultCodes
import Synchronization
import WSTransport

@testable import LoadRunner

/// A `ConnectionFactory` with no network: every connect is recorded at its (virtual) instant, then fails
/// with a given error or stays pending until `failPending` (a peer that never answers).
final class FakeConnectionFactory: ConnectionFactory {
    enum Peer: Sendable {
        case fail(ConnectError)
        case failUntyped
        case neverAnswer
    }

    struct Untyped: Error {}

    let peer: Peer
    private let attempts = Mutex<[UInt64]>([])
    private let pending = Mutex<[EventLoopPromise<ConnectionInfo>]>([])

    init(_ peer: Peer) {
        self.peer = peer
    }

    /// The instants (loop time, nanoseconds) at which connects started.
    var attemptInstants: [UInt64] { self.attempts.withLock { $0 } }

    func connect(
        options: ConnectOptions,
        on loop: any EventLoop,
        delegate: any WebSocketDelegate
    ) -> EventLoopFuture<ConnectionInfo> {
        self.attempts.withLock { $0.append(loop.now.uptimeNanoseconds) }
        switch self.peer {
        case .fail(let error):
            return loop.makeFailedFuture(error)
        case .failUntyped:
            return loop.makeFailedFuture(Untyped())
        case .neverAnswer:
            let promise = loop.makePromise(of: ConnectionInfo.self)
            self.pending.withLock { $0.append(promise) }
            return promise.futureResult
        }
    }

    /// Fails every connect still pending (with a timeout), as a test's end.
    func failPending() {
        let promises = self.pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        for promise in promises { promise.fail(ConnectError.timeout(phase: .upgrade, after: 1)) }
    }
}
