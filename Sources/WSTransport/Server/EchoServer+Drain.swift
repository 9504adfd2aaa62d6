package import NIOCore

extension EchoServer {
    /// How long a drained connection that sends nothing stays open before its 1001 close.
    package static let defaultDrainGrace = TimeAmount.seconds(1)

    /// Stops listening and drains every connection as a graceful server does: each answers what it has read
    /// and closes with 1001 (going away) right after its next answer, or after `grace` without a message;
    /// connections not yet upgraded end at once. Completes when every connection has closed.
    package func drain(grace: TimeAmount = EchoServer.defaultDrainGrace) -> EventLoopFuture<Void> {
        self.endSessions { $0.drain(grace: grace) }
    }
}
