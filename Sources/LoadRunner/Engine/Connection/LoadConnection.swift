import LoadMetrics
import NIOCore
import ResultCodes
import Scenario
import WSProtocol
import WSTransport

/// One load connection: the thin NIO side of a `ConnectionCore`. It opens through its worker's
/// `ConnectionFactory`, feeds socket events and timers to the core with the worker's clock, and carries out
/// the actions the core returns (sends, pings, timers, the close) and records their metrics. No locks,
/// actors or tasks: everything runs on the worker's event loop.
final class LoadConnection: WebSocketDelegate {
    /// Strong: the worker drops its connections from `active` when they end, which breaks the cycle.
    let worker: Worker
    let id: Int
    let slot: Int?
    var core: ConnectionCore
    var socket: WebSocketHandler?
    /// The actions of the event being handled; emptied (keeping its capacity) after each.
    var actions: [CoreAction] = []
    private var performing = false
    var timers: [Scheduled<Void>?] = Array(repeating: nil, count: ConnectionTimer.allCases.count)
    private var ended = false
    private var reportedWireWritten = 0
    private var reportedWireRead = 0
    /// The identity the target reported on the 101 (the scenario's identity header), if any.
    var target: String?
    /// When the server or the network ended the upgraded connection before the script closed it
    /// (monotonic nanoseconds): the start of a reconnect.
    private(set) var lostAt: UInt64?

    init(worker: Worker, id: Int, slot: Int?) {
        self.worker = worker
        self.id = id
        self.slot = slot
        self.core = ConnectionCore(configuration: worker.coreConfiguration, id: id)
        self.actions.reserveCapacity(8)
    }

    var isOpen: Bool { self.core.isOpen }
    var waitingForPermitSince: UInt64? { self.core.waitingForPermitSince }
    var hasOutstanding: Bool { self.core.hasOutstanding }

    var peer: PeerState {
        guard let socket = self.socket else { return .absent }
        return PeerState(isOpen: socket.isOpen, closeIsNext: socket.peerCloseIsNext)
    }

    // MARK: Socket events

    func webSocketDidOpen(_ socket: WebSocketHandler) {
        self.socket = socket
        let now = self.worker.now()
        self.worker.connectionOpened(self, at: now)
        self.core.opened(now: now, runEnd: self.worker.runEndNanoseconds, peer: self.peer, into: &self.actions)
        self.perform()
    }

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        // Latencies end at the read's time; the script goes on (and stamps its next sends) at the loop's.
        let now = receivedAt.uptimeNanoseconds
        let worker = self.worker
        let receipt = self.core.received(
            message.payload,
            text: message.kind == .text,
            now: worker.now(),
            peer: self.peer,
            matcher: &worker.matcher,
            into: &self.actions
        )
        if let openedAt = receipt.firstAfterOpenedAt {
            worker.recorder.record(.firstMessage, fromNanoseconds: openedAt, toNanoseconds: now)
        }
        if receipt.reordered { worker.recorder.increment(.messagesReordered) }
        if receipt.duplicated { worker.recorder.increment(.messagesDuplicated) }
        if let intended = receipt.intendedNanoseconds {
            worker.recorder.increment(.messagesReceived)
            worker.recorder.increment(.payloadBytesReceived, by: UInt64(message.payload.readableBytes))
            worker.recorder.record(.messageRTT, fromNanoseconds: intended, toNanoseconds: now)
        } else {
            worker.unsolicitedMessages += 1
        }
        self.perform()
    }

    func webSocket(_ socket: WebSocketHandler, didReceivePong payload: ByteBuffer, receivedAt: NIODeadline) {
        let now = self.worker.now()
        guard let sentAt = self.core.pongReceived(payload, now: now, peer: self.peer, into: &self.actions) else {
            return
        }
        self.worker.recorder.increment(.pongsReceived)
        self.worker.recorder.record(.pingRTT, fromNanoseconds: sentAt, toNanoseconds: receivedAt.uptimeNanoseconds)
        self.perform()
    }

    /// Goes on with a script that reached a send during the read batch that just ended.
    func webSocketDidFinishRead(_ socket: WebSocketHandler) {
        guard self.core.resumeAfterRead else { return }
        self.core.readFinished(now: self.worker.now(), peer: self.peer, into: &self.actions)
        self.perform()
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        let worker = self.worker
        self.cancelTimers()
        self.reportWireBytes()
        worker.recorder.connectionClosed(target: self.target)
        let report = self.core.closed(local: outcome.initiator == .local)
        if let started = report.closeStartedAt, outcome.wasClean {
            worker.recorder.record(.closeHandshake, fromNanoseconds: started, toNanoseconds: at.uptimeNanoseconds)
        }
        let initiator: CloseKey.Initiator
        if outcome.code == .abnormalClosure {
            initiator = .transport
        } else {
            initiator = outcome.initiator == .local ? .client : .server
        }
        worker.recorder.recordClose(code: outcome.code.rawValue, initiator: initiator)
        if let error = outcome.error {
            self.recordError(code: error.errorCode, phase: Phase.open) { error.description }
        }
        if report.closeStartedAt == nil {
            // The server or the network ended the connection before the script did: an error named after
            // the close code (`close.1006` without a close frame, `close.1001` for a draining server, …),
            // counted against the target the connection was on, and the start of a reconnect.
            self.lostAt = at.uptimeNanoseconds
            let transport = socket.transportEnd
            self.recordError(code: ErrorCode.closeFrame(outcome.code.rawValue), phase: Phase.close) {
                "The connection ended before the script finished: "
                    + CloseDescription.line(outcome, transport: transport) + "."
            }
        }
        if report.lost > 0 { worker.recorder.increment(.messagesLost, by: UInt64(report.lost)) }
        self.socket = nil
        self.finish(report.end)
    }

    // MARK: Worker requests

    /// Called by the worker when a total-rate permit is handed to this connection.
    func permitGranted(intended: UInt64) {
        self.core.permitGranted(intended: intended, now: self.worker.now(), peer: self.peer, into: &self.actions)
        self.perform()
    }

    /// Expires pipelined messages past their expect timeout (called by the worker's sweep).
    func sweep(now: UInt64) {
        let expired = self.core.sweep(now: now, peer: self.peer, into: &self.actions)
        if expired > 0 { self.worker.recorder.increment(.messagesLost, by: UInt64(expired)) }
        self.perform()
    }

    /// Stops the connection for the end of the run or a ramp-down (see `ConnectionCore.stop`).
    func stop(code: UInt16, drain: Bool = false) {
        self.core.stop(code: code, drain: drain, now: self.worker.now(), into: &self.actions)
        self.perform()
    }

    /// Closes the transport at once (drain timeout).
    func abort() {
        self.socket?.abort()
    }

    /// Adds the wire bytes since the last report to the recorder.
    func reportWireBytes() {
        guard let socket = self.socket else { return }
        let written = socket.wireBytesWritten
        let read = socket.wireBytesRead
        self.worker.recorder.increment(.wireBytesSent, by: UInt64(max(0, written - self.reportedWireWritten)))
        self.worker.recorder.increment(.wireBytesReceived, by: UInt64(max(0, read - self.reportedWireRead)))
        self.reportedWireWritten = written
        self.reportedWireRead = read
    }

    // MARK: Carrying out actions

    /// Carries out the queued actions in order; an action that feeds an event back to the core (a failed
    /// send, a granted permit) appends to the same queue, which this loop picks up.
    func perform() {
        guard !self.performing else { return }
        self.performing = true
        defer { self.performing = false }
        var index = 0
        while index < self.actions.count {
            let action = self.actions[index]
            index += 1
            self.execute(action)
        }
        self.actions.removeAll(keepingCapacity: true)
    }

    /// Counts an error of this connection, by its target too once the target reported one.
    func recordError(code: ErrorCode, phase: Phase, _ message: () -> String) {
        self.worker.recordError(code: code, target: self.target, phase: phase, message)
    }

    func finish(_ end: ConnectionEnd) {
        guard !self.ended else { return }
        self.ended = true
        self.worker.connectionEnded(self, end: end)
    }
}

@available(*, unavailable)
extension LoadConnection: Sendable {}
