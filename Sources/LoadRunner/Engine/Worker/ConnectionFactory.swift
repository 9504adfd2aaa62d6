package import NIOCore
package import WSTransport

/// How a worker opens a load connection: resolve, connect and upgrade, then hand the open socket to
/// `delegate` on `loop`. The real one is `WebSocketConnectionFactory`; tests inject an in-memory peer.
package protocol ConnectionFactory: Sendable {
    /// Opens one WebSocket on `loop` (called on it); the future succeeds before `webSocketDidOpen`, or
    /// fails with a `ConnectFailure` (or `ConnectError`) that names the phase.
    func connect(
        options: ConnectOptions,
        on loop: any EventLoop,
        delegate: any WebSocketDelegate
    ) -> EventLoopFuture<ConnectionInfo>
}

/// Opens real connections through `WebSocketConnector`.
package struct WebSocketConnectionFactory: ConnectionFactory {
    package init() {}

    package func connect(
        options: ConnectOptions,
        on loop: any EventLoop,
        delegate: any WebSocketDelegate
    ) -> EventLoopFuture<ConnectionInfo> {
        WebSocketConnector.connect(options: options, on: loop, delegate: delegate)
    }
}
