import NIOCore
import Scenario

/// One load connection's script, pacing, in-flight window, expectations and close logic, as a value with no
/// I/O and no clock (modelled on `ConnectionStateMachine`): each event comes in with its monotonic time and
/// the peer's state, and appends `CoreAction`s to an `inout` buffer the driver (`LoadConnection`)
/// carries out and empties, so no event allocates once the buffer is warm.
///
/// Script steps are `ScriptProgram.Instruction`s interpreted by `run`; message matching goes through
/// `MessageMatcher`. New steps add an instruction and its case in `run`, not a special case in the driver.
struct ConnectionCore {
    /// What every connection of a worker shares.
    struct Configuration {
        var program: [ScriptProgram.Instruction]
        /// Message pacing; `nil` sends as fast as the script (and the in-flight window) goes.
        var messages: MessageRate?
        /// Unpaced runs: echoes outstanding at most.
        var inFlight: Int?
        /// Whether every send carries a sequence stamp, so an unstamped message is never an echo.
        var stampsEverySend: Bool
        /// The churn lifetime of a connection.
        var lifetimeNanoseconds: UInt64?
        /// The run's seed (Poisson spacing adds the connection id).
        var seed: UInt64
    }

    enum Wait {
        case none
        /// Waiting for a send permit (pacer, window or total rate), since a monotonic instant.
        case permit(since: UInt64)
        case expect(ScriptProgram.ExpectMatch)
        case pong(ByteBuffer, sentAt: UInt64)
        case sleep
        case drain(code: UInt16, reason: String)
        case finished
    }

    struct RepeatFrame {
        var start: Int
        var remaining: Int?
        var deadline: UInt64?
    }

    let configuration: Configuration
    let id: Int
    var wait = Wait.none
    var pc = 0
    var frames: [RepeatFrame] = []
    var window = InFlightWindow()
    var pacer: Pacer?
    var openedAt: UInt64 = 0
    var sawFirstMessage = false
    var closeStartedAt: UInt64?
    var stopCode: UInt16?
    /// How the connection ends unless its close says otherwise.
    var endReason = ConnectionEnd.completed
    private(set) var isOpen = false
    /// The script stopped at a send during a read batch and goes on when the batch ends.
    var resumeAfterRead = false

    init(configuration: Configuration, id: Int) {
        self.configuration = configuration
        self.id = id
    }

    /// When the script started waiting for a total-rate send permit, or `nil` when it is not waiting.
    var waitingForPermitSince: UInt64? {
        if case .permit(let since) = self.wait { return since }
        return nil
    }

    /// Whether any sent message awaits its echo, or the connection waits to drain.
    var hasOutstanding: Bool {
        if case .drain = self.wait { return true }
        return !self.window.isEmpty
    }

    // MARK: Events

    /// The upgrade completed at `now`; `runEnd` ends the pacer.
    mutating func opened(now: UInt64, runEnd: UInt64?, peer: PeerState, into actions: inout [CoreAction]) {
        self.isOpen = true
        self.openedAt = now
        if let code = self.stopCode {
            return self.beginClose(code: code, reason: "", now: now, into: &actions)
        }
        if let messages = self.configuration.messages, messages.per == .connection {
            let spacing: PacingSpacing =
                messages.spacing == .poisson ? .poisson(seed: self.configuration.seed &+ UInt64(self.id)) : .constant
            self.pacer = Pacer(
                ratePerSecond: messages.rate.perSecond,
                spacing: spacing,
                startNanoseconds: now,
                endNanoseconds: runEnd
            )
        }
        if let lifetime = self.configuration.lifetimeNanoseconds {
            actions.append(.arm(.lifetime, atNanoseconds: now &+ lifetime))
        }
        self.run(now: now, peer: peer, into: &actions)
    }

    /// A message arrived at `now`: matches it against the window and any awaited `expect`.
    mutating func received(
        _ payload: ByteBuffer,
        text: Bool,
        now: UInt64,
        peer: PeerState,
        matcher: inout MessageMatcher,
        into actions: inout [CoreAction]
    ) -> MessageReceipt {
        var receipt = MessageReceipt()
        if !self.sawFirstMessage {
            self.sawFirstMessage = true
            receipt.firstAfterOpenedAt = self.openedAt
        }
        if let stamp = MessageStamp.read(payload, text: text) {
            switch self.window.match(seq: stamp.seq) {
            case .matched(let time, let reordered):
                receipt.intendedNanoseconds = time
                receipt.reordered = reordered
            case .duplicate:
                receipt.duplicated = true
            case .unknown:
                receipt.intendedNanoseconds = self.window.matchOldest()
            }
        } else if !self.configuration.stampsEverySend {
            receipt.intendedNanoseconds = self.window.matchOldest()
        }
        switch self.wait {
        case .expect(let match):
            actions.append(.cancel(.script))
            self.wait = .none
            if !matcher.matches(payload, match) { actions.append(.fail(.expectMismatch(payload))) }
            self.run(now: now, peer: peer, into: &actions)
        case .drain(let code, let reason):
            if self.window.isEmpty { self.beginClose(code: code, reason: reason, now: now, into: &actions) }
        case .permit where self.configuration.inFlight != nil && self.configuration.messages == nil:
            self.wait = .none
            self.run(now: now, peer: peer, into: &actions)
        default:
            break
        }
        return receipt
    }

    /// A pong arrived; returns when its ping was sent if it is the awaited one.
    mutating func pongReceived(
        _ payload: ByteBuffer,
        now: UInt64,
        peer: PeerState,
        into actions: inout [CoreAction]
    ) -> UInt64? {
        guard case .pong(let expected, let sentAt) = self.wait, payload == expected else { return nil }
        actions.append(.cancel(.script))
        self.wait = .none
        self.run(now: now, peer: peer, into: &actions)
        return sentAt
    }

    /// A read batch ended: goes on with a script that reached a send during it.
    mutating func readFinished(now: UInt64, peer: PeerState, into actions: inout [CoreAction]) {
        guard self.resumeAfterRead else { return }
        self.resumeAfterRead = false
        self.run(now: now, peer: peer, into: &actions)
    }

    /// An armed timer fired at `now`.
    mutating func timerFired(
        _ timer: ConnectionTimer,
        now: UInt64,
        peer: PeerState,
        into actions: inout [CoreAction]
    ) {
        switch (timer, self.wait) {
        case (.script, .expect):
            actions.append(.fail(.expectTimeout))
        case (.script, .pong):
            actions.append(.fail(.pingTimeout))
        case (.script, .sleep), (.pacer, .permit):
            break
        case (.lifetime, _):
            self.endReason = .lifetime
            return self.beginClose(code: 1000, reason: "lifetime", now: now, into: &actions)
        default:
            return
        }
        self.wait = .none
        self.run(now: now, peer: peer, into: &actions)
    }

    /// A total-rate permit intended at `intended` is handed to this connection.
    mutating func permitGranted(
        intended: UInt64,
        now: UInt64,
        peer: PeerState,
        into actions: inout [CoreAction]
    ) {
        guard case .permit = self.wait, self.isOpen else { return }
        self.wait = .none
        let program = self.configuration.program
        guard self.pc < program.count, case .send(let kind, let payload) = program[self.pc] else {
            return self.run(now: now, peer: peer, into: &actions)
        }
        self.pc += 1
        self.send(kind: kind, payload: payload, intended: intended, peer: peer, into: &actions)
        self.run(now: now, peer: peer, into: &actions)
    }

    /// The send of `seq` failed: it awaits no echo.
    mutating func sendFailed(seq: UInt64, now: UInt64, into actions: inout [CoreAction]) {
        _ = self.window.match(seq: seq)
        if case .drain(let code, let reason) = self.wait, self.window.isEmpty {
            self.beginClose(code: code, reason: reason, now: now, into: &actions)
        }
    }

    /// The ping could not be sent: the script goes on without its pong.
    mutating func pingFailed(now: UInt64, peer: PeerState, into actions: inout [CoreAction]) {
        guard case .pong = self.wait else { return }
        self.wait = .none
        self.run(now: now, peer: peer, into: &actions)
    }

    /// Expires pipelined messages past their expect timeout; returns how many expired.
    mutating func sweep(now: UInt64, peer: PeerState, into actions: inout [CoreAction]) -> Int {
        let expired = self.window.expire(before: now)
        for _ in 0..<expired { actions.append(.fail(.pipelinedTimeout)) }
        if case .drain(let code, let reason) = self.wait, self.window.isEmpty {
            self.beginClose(code: code, reason: reason, now: now, into: &actions)
        } else if expired > 0, case .permit = self.wait, self.configuration.messages == nil {
            self.wait = .none
            self.run(now: now, peer: peer, into: &actions)
        }
        return expired
    }

    /// Stops the connection for the end of the run or a ramp-down: closes with `code` (RFC 6455 §7.4.1:
    /// 1000 normal, 1001 going away); with `drain`, outstanding echoes are awaited (up to their expect
    /// timeout) before the close.
    mutating func stop(code: UInt16, drain: Bool, now: UInt64, into actions: inout [CoreAction]) {
        guard self.stopCode == nil else { return }
        self.stopCode = code
        if self.endReason == .completed { self.endReason = .stopped }
        guard self.isOpen else { return }
        if drain {
            self.cancelTimers(into: &actions)
            self.enterDrain(code: code, reason: "", now: now, into: &actions)
        } else {
            self.beginClose(code: code, reason: "", now: now, into: &actions)
        }
    }

    /// The connection closed (`local` when this side's close frame went first); nothing follows.
    mutating func closed(local: Bool) -> CloseReport {
        self.isOpen = false
        let lost = self.window.drainAll()
        let scriptDone = self.closeStartedAt != nil && local
        if !scriptDone, self.endReason == .completed { self.endReason = .failed }
        return CloseReport(closeStartedAt: self.closeStartedAt, lost: lost, end: self.endReason)
    }

    // MARK: Closing

    mutating func enterDrain(code: UInt16, reason: String, now: UInt64, into actions: inout [CoreAction]) {
        if self.window.isEmpty { return self.beginClose(code: code, reason: reason, now: now, into: &actions) }
        self.wait = .drain(code: code, reason: reason)
    }

    mutating func beginClose(code: UInt16, reason: String, now: UInt64, into actions: inout [CoreAction]) {
        self.cancelTimers(into: &actions)
        self.wait = .finished
        guard self.closeStartedAt == nil, self.isOpen else { return }
        self.closeStartedAt = now
        actions.append(.close(code: code, reason: reason))
    }

    func cancelTimers(into actions: inout [CoreAction]) {
        actions.append(.cancelTimers)
    }
}
