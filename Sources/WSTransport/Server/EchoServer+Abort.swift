package import NIOCore

extension EchoServer {
    /// Stops listening and ends every connection abruptly, without a close frame: clients see the TCP
    /// connection end and report 1006 (RFC 6455 §7.1.5), as when a backend crashes. Completes when every
    /// connection has closed.
    package func abort() -> EventLoopFuture<Void> {
        let eventLoop = self.listener.eventLoop
        let loops = Array(self.loops.values)
        return self.listener.close().recover { _ in }.flatMap {
            let closing = loops.map { bound in
                bound.eventLoop.submit {
                    let channels = bound.value.sessions.values.map(\.channel)
                    for channel in channels { channel.close(promise: nil) }
                    return channels.map(\.closeFuture)
                }
            }
            return EventLoopFuture.whenAllSucceed(closing, on: eventLoop)
        }.flatMap { closeFutures in
            EventLoopFuture.whenAllComplete(closeFutures.flatMap { $0 }, on: eventLoop).map { _ in }
        }
    }
}
