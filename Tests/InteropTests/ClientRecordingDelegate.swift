import NIOCore
import WSProtocol
import WSTransport

/// Why a bounded wait on a test connection ended without its value.
enum ClientWaitError: Error, CustomStringConvertible {
    /// Nothing arrived within the timeout.
    case timedOut(String, after: TimeAmount)
    /// The connection closed before the awaited event.
    case closed(CloseOutcome)
    /// The socket is not open (no `webSocketDidOpen` yet, or already gone).
    case noSocket

    var description: String {
        switch self {
        case .timedOut(let what, let after): "no \(what) within \(after.nanoseconds / 1_000_000) ms"
        case .closed(let outcome): "the connection closed first: \(outcome.code.rawValue) \(outcome.reason)"
        case .noSocket: "the WebSocket is not open"
        }
    }
}

/// A delegate for tests: records messages, pongs and the close outcome on the connection's event loop, and
/// hands them out in order to bounded waits.
///
/// Every promise it makes is completed: by the awaited event, by the close (which fails pending waits), or by
/// the waiter's own timer.
final class ClientRecordingDelegate: WebSocketDelegate {
    private struct Waiter<Value: Sendable> {
        var promise: EventLoopPromise<Value>
        var timer: Scheduled<Void>
    }

    let eventLoop: any EventLoop
    /// The open socket, once `webSocketDidOpen` ran.
    private(set) var socket: WebSocketHandler?
    /// When the socket opened.
    private(set) var openedAt: NIODeadline?
    /// Every message received, in order.
    private(set) var messages: [Message] = []
    /// Every pong payload received, in order.
    private(set) var pongs: [ByteBuffer] = []
    /// The close outcome and its time, once closed.
    private(set) var closed: (outcome: CloseOutcome, at: NIODeadline)?

    private var messagesTaken = 0
    private var pongsTaken = 0
    private var messageWaiters: [Waiter<Message>] = []
    private var pongWaiters: [Waiter<ByteBuffer>] = []
    private var closeWaiters: [Waiter<CloseOutcome>] = []

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    // MARK: WebSocketDelegate

    func webSocketDidOpen(_ socket: WebSocketHandler) {
        self.socket = socket
        self.openedAt = .now()
    }

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        self.messages.append(message)
        if !self.messageWaiters.isEmpty {
            let waiter = self.messageWaiters.removeFirst()
            self.messagesTaken += 1
            waiter.timer.cancel()
            waiter.promise.succeed(message)
        }
    }

    func webSocket(_ socket: WebSocketHandler, didReceivePong payload: ByteBuffer, receivedAt: NIODeadline) {
        self.pongs.append(payload)
        if !self.pongWaiters.isEmpty {
            let waiter = self.pongWaiters.removeFirst()
            self.pongsTaken += 1
            waiter.timer.cancel()
            waiter.promise.succeed(payload)
        }
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        self.closed = (outcome, at)
        self.socket = nil
        for waiter in self.messageWaiters {
            waiter.timer.cancel()
            waiter.promise.fail(ClientWaitError.closed(outcome))
        }
        for waiter in self.pongWaiters {
            waiter.timer.cancel()
            waiter.promise.fail(ClientWaitError.closed(outcome))
        }
        for waiter in self.closeWaiters {
            waiter.timer.cancel()
            waiter.promise.succeed(outcome)
        }
        self.messageWaiters = []
        self.pongWaiters = []
        self.closeWaiters = []
    }

    // MARK: Waiting (on the event loop)

    /// The next message not yet handed out, within `timeout`.
    func nextMessage(timeout: TimeAmount) -> EventLoopFuture<Message> {
        if self.messagesTaken < self.messages.count {
            self.messagesTaken += 1
            return self.eventLoop.makeSucceededFuture(self.messages[self.messagesTaken - 1])
        }
        if let closed {
            return self.eventLoop.makeFailedFuture(ClientWaitError.closed(closed.outcome))
        }
        let waiter = self.makeWaiter(of: Message.self, what: "message", timeout: timeout) { delegate, future in
            let before = delegate.messageWaiters.count
            delegate.messageWaiters.removeAll { $0.promise.futureResult === future }
            return delegate.messageWaiters.count < before
        }
        self.messageWaiters.append(waiter)
        return waiter.promise.futureResult
    }

    /// The next pong not yet handed out, within `timeout`.
    func nextPong(timeout: TimeAmount) -> EventLoopFuture<ByteBuffer> {
        if self.pongsTaken < self.pongs.count {
            self.pongsTaken += 1
            return self.eventLoop.makeSucceededFuture(self.pongs[self.pongsTaken - 1])
        }
        if let closed {
            return self.eventLoop.makeFailedFuture(ClientWaitError.closed(closed.outcome))
        }
        let waiter = self.makeWaiter(of: ByteBuffer.self, what: "pong", timeout: timeout) { delegate, future in
            let before = delegate.pongWaiters.count
            delegate.pongWaiters.removeAll { $0.promise.futureResult === future }
            return delegate.pongWaiters.count < before
        }
        self.pongWaiters.append(waiter)
        return waiter.promise.futureResult
    }

    /// The close outcome, within `timeout`.
    func closeOutcome(timeout: TimeAmount) -> EventLoopFuture<CloseOutcome> {
        if let closed {
            return self.eventLoop.makeSucceededFuture(closed.outcome)
        }
        let waiter = self.makeWaiter(of: CloseOutcome.self, what: "close", timeout: timeout) { delegate, future in
            let before = delegate.closeWaiters.count
            delegate.closeWaiters.removeAll { $0.promise.futureResult === future }
            return delegate.closeWaiters.count < before
        }
        self.closeWaiters.append(waiter)
        return waiter.promise.futureResult
    }

    private func makeWaiter<Value: Sendable>(
        of: Value.Type,
        what: String,
        timeout: TimeAmount,
        remove: @escaping (ClientRecordingDelegate, EventLoopFuture<Value>) -> Bool
    ) -> Waiter<Value> {
        let promise = self.eventLoop.makePromise(of: Value.self)
        let bound = NIOLoopBound((self, remove), eventLoop: self.eventLoop)
        let timer = self.eventLoop.scheduleTask(in: timeout) {
            let (delegate, remove) = bound.value
            guard remove(delegate, promise.futureResult) else { return }
            promise.fail(ClientWaitError.timedOut(what, after: timeout))
        }
        return Waiter(promise: promise, timer: timer)
    }
}

@available(*, unavailable)
extension ClientRecordingDelegate: Sendable {}
