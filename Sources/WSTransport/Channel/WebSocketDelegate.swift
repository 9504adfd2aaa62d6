package import NIOCore
package import WSProtocol

/// What an open WebSocket tells its owner, on the connection's event loop.
///
/// Implementations are event-loop-bound classes (a load worker, the Autobahn testee, the `check` run, the
/// echo server). Each callback gets the handler so the delegate can answer (send, ping, close) in place.
package protocol WebSocketDelegate: AnyObject {
    /// The handler was installed after a successful upgrade; the delegate may send from here on.
    func webSocketDidOpen(_ socket: WebSocketHandler)
    /// A complete message arrived; `receivedAt` is the monotonic time of the read that completed it.
    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline)
    /// A pong arrived (answering a ping, or unsolicited).
    func webSocket(_ socket: WebSocketHandler, didReceivePong payload: ByteBuffer, receivedAt: NIODeadline)
    /// The connection is over; called exactly once, last.
    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline)
    /// A read batch ended: everything it carried (messages, pongs, a close frame) has been processed.
    func webSocketDidFinishRead(_ socket: WebSocketHandler)
}

extension WebSocketDelegate {
    /// Nothing to do on open unless the delegate sends first.
    package func webSocketDidOpen(_ socket: WebSocketHandler) {}

    /// Pongs are ignored unless a delegate measures them.
    package func webSocket(_ socket: WebSocketHandler, didReceivePong payload: ByteBuffer, receivedAt: NIODeadline) {}

    /// Nothing to do at the end of a read batch unless the delegate defers work to it.
    package func webSocketDidFinishRead(_ socket: WebSocketHandler) {}
}
