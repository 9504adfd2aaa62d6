import Foundation
import LoadMetrics
import NIOCore
import RunResults
import Scenario
import WSProtocol
import WSTransport

/// One load connection: opens through `WebSocketConnector`, runs the scenario script on its event loop and
/// records every phase, message and close into its worker's recorder. No locks, actors or tasks.
final class LoadConnection: WebSocketDelegate {
    private enum Wait {
        case none
        case permit
        case expect(ScriptProgram.ExpectMatch, timer: Scheduled<Void>?)
        case pong(ByteBuffer, sentAt: UInt64, timer: Scheduled<Void>?)
        case sleep(Scheduled<Void>?)
        case drain(code: UInt16, reason: String)
        case finished
    }

    private struct RepeatFrame {
        var start: Int
        var remaining: Int?
        var deadline: UInt64?
    }

    /// Strong: the worker drops its connections from `active` when they end, which breaks the cycle.
    let worker: Worker
    let id: Int
    let slot: Int?
    private var socket: WebSocketHandler?
    private var wait = Wait.none
    private var pc = 0
    private var frames: [RepeatFrame] = []
    private var window = InFlightWindow()
    private var pacer: Pacer?
    private var pacerTimer: Scheduled<Void>?
    private var lifetimeTimer: Scheduled<Void>?
    private var openedAt: UInt64 = 0
    private var sawFirstMessage = false
    private var closeStartedAt: UInt64?
    private var stopCode: UInt16?
    private var ended = false
    private var endReason = ConnectionEnd.completed
    private var reportedWireWritten = 0
    private var reportedWireRead = 0
    private(set) var isOpen = false
    /// The identity the target reported on the 101 (the scenario's identity header), if any.
    private(set) var target: String?
    /// When the server or the network ended the upgraded connection before the script closed it
    /// (monotonic nanoseconds): the start of a reconnect.
    private(set) var lostAt: UInt64?
    private var permitWaitStart: UInt64 = 0
    /// The script stopped at a send during a read batch and goes on when the batch ends.
    private var resumeAfterRead = false
    /// When the script started waiting for a total-rate send permit, or `nil` when it is not waiting.
    var waitingForPermitSince: UInt64? {
        if case .permit = self.wait { return self.permitWaitStart }
        return nil
    }

    init(worker: Worker, id: Int, slot: Int?) {
        self.worker = worker
        self.id = id
        self.slot = slot
    }

    // MARK: Opening

    func start() {
        let worker = self.worker
        worker.recorder.increment(.connectionAttempts)
        if worker.firstAttempt == nil { worker.firstAttempt = Worker.now() }
        var options = worker.plan.connect
        options.localAddress = worker.nextSourceAddress()
        let bound = NIOLoopBound(self, eventLoop: worker.loop)
        WebSocketConnector.connect(options: options, on: worker.loop, delegate: self).whenComplete { result in
            let connection = bound.value
            switch result {
            case .success(let info): connection.connected(info)
            case .failure(let error): connection.connectFailed(error)
            }
        }
    }

    private func connected(_ info: ConnectionInfo) {
        let worker = self.worker
        worker.recorder.increment(.upgradesOK)
        Self.record(info.timings, into: &worker.recorder)
        if let identity = info.response.headers[worker.plan.identityHeader] {
            worker.recorder.recordTargetIdentity(identity)
            self.target = identity
        }
        if worker.samples.upgrade == nil { worker.samples.recordUpgrade(info) }
        if worker.plan.expectation.status != 101 {
            self.expectationMissed(
                "expect.status",
                "The server answered 101, not the \(worker.plan.expectation.status) the scenario expects.",
                info
            )
        }
        if let expected = worker.plan.expectation.subprotocol, info.response.subprotocol != expected {
            self.expectationMissed(
                "expect.subprotocol",
                "The server selected subprotocol \(info.response.subprotocol ?? "none"), not \(expected).",
                info
            )
        }
        if let expected = worker.plan.expectation.extension {
            let names = info.response.extensions.map(\.name)
            if !names.contains(expected) {
                self.expectationMissed("expect.extension", "The server did not accept extension \(expected).", info)
            }
        }
        for expected in worker.plan.expectation.headers {
            let values = info.response.head.headers.values(named: expected.name)
            if !worker.headerMatches(values, expected.match) {
                self.expectationMissed(
                    "expect.header",
                    "The 101 response header \(expected.name) does not meet the scenario's expectation.",
                    info
                )
            }
        }
    }

    /// Counts an upgrade that missed a scenario `expect`, with the 101 answer as its sample.
    private func expectationMissed(_ code: String, _ message: String, _ info: ConnectionInfo) {
        self.worker.recorder.recordError(code: code, target: self.target)
        self.worker.samples.record(code: code) {
            WorkerSamples.sample(expectation: message, response: info.response.head)
        }
    }

    private func connectFailed(_ error: any Error) {
        let worker = self.worker
        worker.recorder.increment(.upgradesFailed)
        let connectError: ConnectError
        if let failure = error as? ConnectFailure {
            connectError = failure.error
            Self.record(failure.timings, into: &worker.recorder)
        } else if let error = error as? ConnectError {
            connectError = error
        } else {
            self.recordError(code: "connect.failed", phase: "tcp") { String(describing: error) }
            return self.finish(.failed)
        }
        if worker.plan.expectation.status != 101, case .handshake(let handshake) = connectError,
            case .unexpectedStatus(let status, _, _, _) = handshake, status == worker.plan.expectation.status
        {
            // The scenario expects this answer (e.g. 503 from a draining target): a match, not an error.
            worker.expectedStatusAnswers += 1
            return self.finish(.completed)
        }
        worker.recorder.recordError(code: connectError.code)
        worker.samples.record(code: connectError.code) {
            WorkerSamples.sample(connectError)
        }
        worker.noteLimit(for: connectError)
        self.finish(.failed)
    }

    private static func record(_ timings: PhaseTimings, into recorder: inout MetricsRecorder) {
        func nanos(_ amount: TimeAmount?) -> UInt64? {
            guard let amount, amount.nanoseconds >= 0 else { return nil }
            return UInt64(amount.nanoseconds)
        }
        if let value = nanos(timings.dns) { recorder.record(.dns, nanoseconds: value) }
        if let value = nanos(timings.tcp) { recorder.record(.tcpConnect, nanoseconds: value) }
        if let value = nanos(timings.tls) { recorder.record(.tlsHandshake, nanoseconds: value) }
        if let value = nanos(timings.upgrade) { recorder.record(.wsUpgrade, nanoseconds: value) }
        if let value = nanos(timings.total) { recorder.record(.connectTotal, nanoseconds: value) }
    }

    func webSocketDidOpen(_ socket: WebSocketHandler) {
        self.socket = socket
        self.isOpen = true
        self.openedAt = Worker.now()
        self.worker.connectionOpened(self)
        if let code = self.stopCode {
            return self.beginClose(code: code, reason: "")
        }
        if let messages = self.worker.plan.messages, messages.per == .connection {
            let spacing: PacingSpacing =
                messages.spacing == .poisson ? .poisson(seed: self.worker.plan.seed &+ UInt64(self.id)) : .constant
            self.pacer = Pacer(
                ratePerSecond: messages.rate.perSecond,
                spacing: spacing,
                startNanoseconds: self.openedAt,
                endNanoseconds: self.worker.runEndNanoseconds
            )
        }
        if let lifetime = self.worker.lifetimeNanoseconds {
            let bound = NIOLoopBound(self, eventLoop: self.worker.loop)
            self.lifetimeTimer = self.worker.loop.scheduleTask(in: .nanoseconds(Int64(clamping: lifetime))) {
                let connection = bound.value
                connection.endReason = .lifetime
                connection.beginClose(code: 1000, reason: "lifetime")
            }
        }
        self.run()
    }

    // MARK: The script

    private func run() {
        let program = self.worker.instructions
        while self.isOpen, self.stopCode == nil, case .none = self.wait {
            guard self.peerIsNotClosing() else { return }
            guard self.pc < program.count else {
                return self.enterDrain(code: 1000, reason: "")
            }
            switch program[self.pc] {
            case .send(let kind, let payload):
                // An answer and a close frame may arrive in one read (a draining target closes right after its
                // last answer): the close is processed first, so no message is sent that cannot be answered.
                // Only then is the send held to the read's end; every other send goes at once.
                guard self.socket?.peerCloseIsNext != true else {
                    self.resumeAfterRead = true
                    return
                }
                guard let intended = self.takePermit() else { return }
                self.pc += 1
                self.send(kind: kind, payload: payload, intended: intended)
            case .expect(let match, let timeout, let pipelined):
                self.pc += 1
                if pipelined { continue }
                self.wait = .expect(match, timer: self.timer(after: timeout) { $0.expectTimedOut() })
            case .ping(let payload, let timeout):
                self.pc += 1
                let bytes = ByteBuffer(string: payload)
                do {
                    try self.socket?.sendPing(bytes)
                } catch {
                    self.recordError(code: error.code, phase: "message") { error.description }
                    continue
                }
                self.worker.recorder.increment(.pingsSent)
                self.wait = .pong(bytes, sentAt: Worker.now(), timer: self.timer(after: timeout) { $0.pongTimedOut() })
            case .sleep(let nanoseconds):
                self.pc += 1
                self.wait = .sleep(self.timer(after: nanoseconds) { $0.wake() })
            case .close(let code, let reason):
                self.pc = program.count
                self.enterDrain(code: code, reason: reason)
                return
            case .repeatStart(let limit, let end):
                switch limit {
                case .times(let count) where count <= 0:
                    self.pc = end + 1
                    continue
                case .times(let count):
                    self.frames.append(RepeatFrame(start: self.pc, remaining: count - 1, deadline: nil))
                case .nanoseconds(let length):
                    self.frames.append(RepeatFrame(start: self.pc, remaining: nil, deadline: Worker.now() &+ length))
                case .forever:
                    self.frames.append(RepeatFrame(start: self.pc, remaining: nil, deadline: nil))
                }
                self.pc += 1
            case .repeatEnd(let start):
                guard var frame = self.frames.last, frame.start == start else {
                    self.pc += 1
                    continue
                }
                var again = true
                if let remaining = frame.remaining {
                    again = remaining > 0
                    frame.remaining = remaining - 1
                }
                if let deadline = frame.deadline, Worker.now() >= deadline { again = false }
                if again {
                    self.frames[self.frames.count - 1] = frame
                    self.pc = start + 1
                } else {
                    self.frames.removeLast()
                    self.pc += 1
                }
            }
        }
    }

    /// The intended send time for the next send, or `nil` after arranging to be woken when one is due.
    private func takePermit() -> UInt64? {
        guard let messages = self.worker.plan.messages else {
            if let limit = self.worker.plan.inFlight, self.window.outstanding >= limit {
                // The window is full: the next echo (or its timeout) frees a place.
                self.wait = .permit
                return nil
            }
            return Worker.now()
        }
        if messages.per == .total {
            let now = Worker.now()
            if let intended = self.worker.takeTotalPermit(readySince: now) { return intended }
            self.permitWaitStart = now
            self.wait = .permit
            self.worker.waitForPermit(self)
            return nil
        }
        guard var pacer = self.pacer else { return Worker.now() }
        let now = Worker.now()
        if let intended = pacer.popDue(atNanoseconds: now) {
            self.pacer = pacer
            return intended
        }
        self.wait = .permit
        // Past the run's end the pacer gives nothing more: the connection waits for the stop to close it.
        guard let next = pacer.nextIntendedNanoseconds else { return nil }
        let bound = NIOLoopBound(self, eventLoop: self.worker.loop)
        self.pacerTimer = self.worker.loop.scheduleTask(deadline: NIODeadline.uptimeNanoseconds(next)) {
            let connection = bound.value
            connection.pacerTimer = nil
            guard case .permit = connection.wait else { return }
            connection.wait = .none
            connection.run()
        }
        return nil
    }

    /// Called by the worker when a total-rate permit is handed to this connection.
    func permitGranted(intended: UInt64) {
        guard case .permit = self.wait, self.isOpen else { return }
        self.wait = .none
        guard case .send(let kind, let payload) = self.worker.instructions[self.pc] else {
            return self.run()
        }
        self.pc += 1
        self.send(kind: kind, payload: payload, intended: intended)
        self.run()
    }

    /// Whether the socket still takes messages; once the server (or a draining target) sent its close
    /// frame it does not, and the script stops there: what it would still send is not an error, and the
    /// end is recorded when the close completes (`close.<code>`, a reconnect when the slot churns).
    private func peerIsNotClosing() -> Bool {
        guard let socket = self.socket, !socket.isOpen, self.closeStartedAt == nil else { return true }
        self.cancelTimers()
        self.wait = .finished
        return false
    }

    private func send(kind: ScriptProgram.MessageKind, payload: ScriptProgram.PayloadSpec, intended: UInt64) {
        guard let socket = self.socket, self.peerIsNotClosing() else { return }
        let timeout = self.pendingTimeout()
        let seq = self.window.add(intendedNanoseconds: intended, deadlineNanoseconds: intended &+ timeout)
        var buffer: ByteBuffer
        switch payload {
        case .sized(let size):
            buffer = self.worker.allocator.buffer(capacity: size)
            MessageStamp.write(seq: seq, intendedNanoseconds: intended, size: size, text: kind == .text, into: &buffer)
        case .template(let template):
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            buffer = ByteBuffer(string: template.render(seq: Int(seq), conn: self.id, nowMilliseconds: now))
        case .fixed(let bytes):
            buffer = self.worker.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
        }
        let size = UInt64(buffer.readableBytes)
        do {
            try socket.send(Message(kind: kind == .text ? .text : .binary, payload: buffer))
        } catch {
            _ = self.window.match(seq: seq)
            self.recordError(code: error.code, phase: "message") { error.description }
            return
        }
        self.worker.recorder.increment(.messagesSent)
        self.worker.recorder.increment(.payloadBytesSent, by: size)
    }

    /// The timeout of the expect that follows the current send, for pipelined echo matching.
    private func pendingTimeout() -> UInt64 {
        let program = self.worker.instructions
        if self.pc < program.count, case .expect(_, let timeout, _) = program[self.pc] { return timeout }
        return 60_000_000_000
    }

    // MARK: Receiving

    func webSocket(_ socket: WebSocketHandler, didReceive message: Message, receivedAt: NIODeadline) {
        let now = receivedAt.uptimeNanoseconds
        let worker = self.worker
        if !self.sawFirstMessage {
            self.sawFirstMessage = true
            worker.recorder.record(.firstMessage, fromNanoseconds: self.openedAt, toNanoseconds: now)
        }
        let intended: UInt64?
        if let stamp = MessageStamp.read(message.payload, text: message.kind == .text) {
            switch self.window.match(seq: stamp.seq) {
            case .matched(let time, let reordered):
                intended = time
                if reordered { worker.recorder.increment(.messagesReordered) }
            case .duplicate:
                intended = nil
                worker.recorder.increment(.messagesDuplicated)
            case .unknown:
                intended = self.window.matchOldest()
            }
        } else {
            intended = worker.stampsEverySend ? nil : self.window.matchOldest()
        }
        if let intended {
            worker.recorder.increment(.messagesReceived)
            worker.recorder.increment(.payloadBytesReceived, by: UInt64(message.payload.readableBytes))
            worker.recorder.record(.messageRTT, fromNanoseconds: intended, toNanoseconds: now)
        } else {
            worker.unsolicitedMessages += 1
        }
        switch self.wait {
        case .expect(let match, let timer):
            timer?.cancel()
            self.wait = .none
            if !worker.matches(message, match) {
                self.recordError(code: "expect.mismatch", phase: "message") {
                    "A received message did not match the scenario's expect: "
                        + String(String(buffer: message.payload).prefix(ErrorSample.bodyExcerptLimit))
                }
            }
            self.run()
        case .drain(let code, let reason):
            if self.window.isEmpty { self.beginClose(code: code, reason: reason) }
        case .permit where worker.plan.inFlight != nil && worker.plan.messages == nil:
            self.wait = .none
            self.run()
        default:
            break
        }
    }

    func webSocket(_ socket: WebSocketHandler, didReceivePong payload: ByteBuffer, receivedAt: NIODeadline) {
        guard case .pong(let expected, let sentAt, let timer) = self.wait, payload == expected else { return }
        timer?.cancel()
        self.worker.recorder.increment(.pongsReceived)
        self.worker.recorder.record(.pingRTT, fromNanoseconds: sentAt, toNanoseconds: receivedAt.uptimeNanoseconds)
        self.wait = .none
        self.run()
    }

    /// Goes on with a script that reached a send during the read batch that just ended.
    func webSocketDidFinishRead(_ socket: WebSocketHandler) {
        guard self.resumeAfterRead else { return }
        self.resumeAfterRead = false
        self.run()
    }

    private func expectTimedOut() {
        guard case .expect = self.wait else { return }
        self.recordError(code: "expect.timeout", phase: "message") {
            "No message matching the scenario's expect arrived within its timeout."
        }
        self.wait = .none
        self.run()
    }

    private func pongTimedOut() {
        guard case .pong = self.wait else { return }
        self.recordError(code: "ping.timeout", phase: "message") {
            "No pong with the ping's payload arrived within its timeout."
        }
        self.wait = .none
        self.run()
    }

    private func wake() {
        guard case .sleep = self.wait else { return }
        self.wait = .none
        self.run()
    }

    /// Whether any sent message awaits its echo, or the connection waits to drain.
    var hasOutstanding: Bool {
        if case .drain = self.wait { return true }
        return !self.window.isEmpty
    }

    /// Expires pipelined messages past their expect timeout (called by the worker's sweep).
    func sweep(now: UInt64) {
        let expired = self.window.expire(before: now)
        if expired > 0 {
            self.worker.recorder.increment(.messagesLost, by: UInt64(expired))
            for _ in 0..<expired {
                self.recordError(code: "expect.timeout", phase: "message") {
                    "A pipelined message's echo did not arrive within its expect timeout."
                }
            }
        }
        if case .drain(let code, let reason) = self.wait, self.window.isEmpty {
            self.beginClose(code: code, reason: reason)
        } else if expired > 0, case .permit = self.wait, self.worker.plan.messages == nil {
            self.wait = .none
            self.run()
        }
    }

    // MARK: Closing

    private func enterDrain(code: UInt16, reason: String) {
        if self.window.isEmpty { return self.beginClose(code: code, reason: reason) }
        self.wait = .drain(code: code, reason: reason)
    }

    /// Stops the connection for the end of the run or a ramp-down: closes with `code` (RFC 6455 §7.4.1:
    /// 1000 normal, 1001 going away); echoes already in flight still arrive before the server's close frame.
    /// With `drain`, outstanding echoes are awaited (up to their expect timeout) before the close.
    func stop(code: UInt16, drain: Bool = false) {
        guard self.stopCode == nil else { return }
        self.stopCode = code
        if self.endReason == .completed { self.endReason = .stopped }
        guard self.isOpen else { return }
        if drain {
            self.cancelTimers()
            self.enterDrain(code: code, reason: "")
        } else {
            self.beginClose(code: code, reason: "")
        }
    }

    /// Closes the transport at once (drain timeout).
    func abort() {
        self.socket?.abort()
    }

    private func beginClose(code: UInt16, reason: String) {
        self.cancelTimers()
        self.wait = .finished
        guard self.closeStartedAt == nil, let socket = self.socket else { return }
        self.closeStartedAt = Worker.now()
        do {
            try socket.close(code: CloseCode(rawValue: code), reason: reason)
        } catch {
            self.recordError(code: error.code, phase: "close") { error.description }
            socket.abort()
        }
    }

    func webSocket(_ socket: WebSocketHandler, didCloseWith outcome: CloseOutcome, at: NIODeadline) {
        let worker = self.worker
        self.cancelTimers()
        self.reportWireBytes()
        self.isOpen = false
        worker.recorder.connectionClosed(target: self.target)
        if let started = self.closeStartedAt, outcome.wasClean {
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
            self.recordError(code: error.code, phase: "message") { error.description }
        }
        if self.closeStartedAt == nil {
            // The server or the network ended the connection before the script did: an error named after
            // the close code (`close.1006` without a close frame, `close.1001` for a draining server, …),
            // counted against the target the connection was on, and the start of a reconnect.
            self.lostAt = at.uptimeNanoseconds
            let transport = socket.transportEnd
            self.recordError(code: "close.\(outcome.code.rawValue)", phase: "close") {
                "The connection ended before the script finished: "
                    + CloseDescription.line(outcome, transport: transport) + "."
            }
        }
        let lost = self.window.drainAll()
        if lost > 0 { worker.recorder.increment(.messagesLost, by: UInt64(lost)) }
        let scriptDone = self.closeStartedAt != nil && outcome.initiator == .local
        if !scriptDone, self.endReason == .completed { self.endReason = .failed }
        self.socket = nil
        self.finish(self.endReason)
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

    /// Counts an error of this connection, by its target too once the target reported one.
    private func recordError(code: String, phase: String, _ message: () -> String) {
        self.worker.recordError(code: code, target: self.target, phase: phase, message)
    }

    private func cancelTimers() {
        self.pacerTimer?.cancel()
        self.pacerTimer = nil
        self.lifetimeTimer?.cancel()
        self.lifetimeTimer = nil
        switch self.wait {
        case .expect(_, let timer), .pong(_, _, let timer), .sleep(let timer): timer?.cancel()
        default: break
        }
    }

    private func finish(_ end: ConnectionEnd) {
        guard !self.ended else { return }
        self.ended = true
        self.worker.connectionEnded(self, end: end)
    }

    private func timer(
        after nanoseconds: UInt64,
        _ body: @escaping @Sendable (LoadConnection) -> Void
    ) -> Scheduled<Void> {
        let bound = NIOLoopBound(self, eventLoop: self.worker.loop)
        return self.worker.loop.scheduleTask(in: .nanoseconds(Int64(clamping: nanoseconds))) {
            body(bound.value)
        }
    }
}

@available(*, unavailable)
extension LoadConnection: Sendable {}
