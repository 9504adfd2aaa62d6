import NIOCore
import Scenario

extension ConnectionCore {
    /// Runs the script from `pc` until it waits, closes or ends.
    mutating func run(now: UInt64, peer: PeerState, into actions: inout [CoreAction]) {
        let program = self.configuration.program
        while self.isOpen, self.stopCode == nil, case .none = self.wait {
            guard self.peerIsNotClosing(peer, into: &actions) else { return }
            guard self.pc < program.count else {
                return self.enterDrain(code: 1000, reason: "", now: now, into: &actions)
            }
            switch program[self.pc] {
            case .send(let kind, let payload):
                // An answer and a close frame may arrive in one read (a draining target closes right after its
                // last answer): the close is processed first, so no message is sent that cannot be answered.
                // Only then is the send held to the read's end; every other send goes at once.
                guard !peer.closeIsNext else {
                    self.resumeAfterRead = true
                    return
                }
                guard let intended = self.takePermit(now: now, into: &actions) else { return }
                self.pc += 1
                self.send(kind: kind, payload: payload, intended: intended, peer: peer, into: &actions)
            case .expect(let match, let timeout, let pipelined):
                self.pc += 1
                if pipelined { continue }
                self.wait = .expect(match)
                actions.append(.arm(.script, atNanoseconds: now &+ timeout))
            case .ping(let payload, let timeout):
                self.pc += 1
                let bytes = ByteBuffer(string: payload)
                self.wait = .pong(bytes, sentAt: now)
                actions.append(.ping(bytes, timeoutAtNanoseconds: now &+ timeout))
            case .sleep(let nanoseconds):
                self.pc += 1
                self.wait = .sleep
                actions.append(.arm(.script, atNanoseconds: now &+ nanoseconds))
            case .close(let code, let reason):
                self.pc = program.count
                return self.enterDrain(code: code, reason: reason, now: now, into: &actions)
            case .repeatStart(let limit, let end):
                switch limit {
                case .times(let count) where count <= 0:
                    self.pc = end + 1
                    continue
                case .times(let count):
                    self.frames.append(RepeatFrame(start: self.pc, remaining: count - 1, deadline: nil))
                case .nanoseconds(let length):
                    self.frames.append(RepeatFrame(start: self.pc, remaining: nil, deadline: now &+ length))
                case .forever:
                    self.frames.append(RepeatFrame(start: self.pc, remaining: nil, deadline: nil))
                }
                self.pc += 1
            case .repeatEnd(let start):
                self.endRepeat(start: start, now: now)
            }
        }
    }

    private mutating func endRepeat(start: Int, now: UInt64) {
        guard var frame = self.frames.last, frame.start == start else {
            self.pc += 1
            return
        }
        var again = true
        if let remaining = frame.remaining {
            again = remaining > 0
            frame.remaining = remaining - 1
        }
        if let deadline = frame.deadline, now >= deadline { again = false }
        if again {
            self.frames[self.frames.count - 1] = frame
            self.pc = start + 1
        } else {
            self.frames.removeLast()
            self.pc += 1
        }
    }

    /// The intended send time for the next send, or `nil` after arranging to be woken when one is due.
    private mutating func takePermit(now: UInt64, into actions: inout [CoreAction]) -> UInt64? {
        guard let messages = self.configuration.messages else {
            if let limit = self.configuration.inFlight, self.window.outstanding >= limit {
                // The window is full: the next echo (or its timeout) frees a place.
                self.wait = .permit(since: now)
                return nil
            }
            return now
        }
        if messages.per == .total {
            self.wait = .permit(since: now)
            actions.append(.requestTotalPermit)
            return nil
        }
        guard var pacer = self.pacer else { return now }
        if let intended = pacer.popDue(atNanoseconds: now) {
            self.pacer = pacer
            return intended
        }
        self.wait = .permit(since: now)
        // Past the run's end the pacer gives nothing more: the connection waits for the stop to close it.
        if let next = pacer.nextIntendedNanoseconds { actions.append(.arm(.pacer, atNanoseconds: next)) }
        return nil
    }

    /// Whether the socket still takes messages; once the server (or a draining target) sent its close
    /// frame it does not, and the script stops there: what it would still send is not an error, and the
    /// end is recorded when the close completes (`close.<code>`, a reconnect when the slot churns).
    private mutating func peerIsNotClosing(_ peer: PeerState, into actions: inout [CoreAction]) -> Bool {
        guard !peer.isOpen, self.closeStartedAt == nil else { return true }
        self.cancelTimers(into: &actions)
        self.wait = .finished
        return false
    }

    mutating func send(
        kind: ScriptProgram.MessageKind,
        payload: ScriptProgram.PayloadSpec,
        intended: UInt64,
        peer: PeerState,
        into actions: inout [CoreAction]
    ) {
        guard self.peerIsNotClosing(peer, into: &actions) else { return }
        let timeout = self.pendingTimeout()
        let seq = self.window.add(intendedNanoseconds: intended, deadlineNanoseconds: intended &+ timeout)
        actions.append(.send(kind: kind, payload: payload, seq: seq, intendedNanoseconds: intended))
    }

    /// The timeout of the expect that follows the current send, for pipelined echo matching.
    private func pendingTimeout() -> UInt64 {
        let program = self.configuration.program
        if self.pc < program.count, case .expect(_, let timeout, _) = program[self.pc] { return timeout }
        return 60_000_000_000
    }
}
