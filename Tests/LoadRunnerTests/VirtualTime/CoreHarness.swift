import NIOCore
import ResultCodes
import Scenario

@testable import LoadRunner

/// Drives a `ConnectionCore` in virtual time: carries out its actions like `LoadConnection` would, but into
/// lists, and fires its armed timers in deadline order when time advances. No clock, no sockets.
struct CoreHarness {
    struct Sent: Equatable {
        var seq: UInt64
        var intended: UInt64
        /// The virtual instant the send was made.
        var at: UInt64
    }

    var core: ConnectionCore
    var matcher = MessageMatcher()
    var now: UInt64
    var peer = PeerState.absent
    private var actions: [CoreAction] = []
    private(set) var sent: [Sent] = []
    private(set) var faults: [String] = []
    private(set) var closes: [(code: UInt16, reason: String, at: UInt64)] = []
    private(set) var pings: [(payload: ByteBuffer, at: UInt64)] = []
    private(set) var permitRequests = 0
    private(set) var armed: [ConnectionTimer: UInt64] = [:]

    init(
        _ program: [ScriptProgram.Instruction],
        messages: MessageRate? = nil,
        inFlight: Int? = nil,
        lifetime: UInt64? = nil,
        startingAt start: UInt64 = 1_000_000_000
    ) {
        let configuration = ConnectionCore.Configuration(
            program: program,
            messages: messages,
            inFlight: inFlight,
            stampsEverySend: true,
            lifetimeNanoseconds: lifetime,
            seed: 1
        )
        self.core = ConnectionCore(configuration: configuration, id: 0)
        self.now = start
    }

    mutating func open(runEnd: UInt64? = nil) {
        self.core.opened(now: self.now, runEnd: runEnd, peer: self.peer, into: &self.actions)
        self.perform()
    }

    /// The echo of `seq` (stamped as it was sent) arrives now.
    @discardableResult
    mutating func echo(_ seq: UInt64) -> MessageReceipt {
        guard let original = self.sent.first(where: { $0.seq == seq }) else { return MessageReceipt() }
        var payload = ByteBuffer()
        MessageStamp.write(seq: seq, intendedNanoseconds: original.intended, size: 64, text: false, into: &payload)
        return self.receive(payload)
    }

    @discardableResult
    mutating func receive(_ payload: ByteBuffer, text: Bool = false) -> MessageReceipt {
        let receipt = self.core.received(
            payload,
            text: text,
            now: self.now,
            peer: self.peer,
            matcher: &self.matcher,
            into: &self.actions
        )
        self.perform()
        return receipt
    }

    mutating func pong(_ payload: ByteBuffer) -> UInt64? {
        let sentAt = self.core.pongReceived(payload, now: self.now, peer: self.peer, into: &self.actions)
        self.perform()
        return sentAt
    }

    mutating func grant(intended: UInt64) {
        self.core.permitGranted(intended: intended, now: self.now, peer: self.peer, into: &self.actions)
        self.perform()
    }

    mutating func sweep() -> Int {
        let expired = self.core.sweep(now: self.now, peer: self.peer, into: &self.actions)
        self.perform()
        return expired
    }

    mutating func stop(code: UInt16, drain: Bool) {
        self.core.stop(code: code, drain: drain, now: self.now, into: &self.actions)
        self.perform()
    }

    /// Moves virtual time to `instant`, firing every timer due by then at its own deadline.
    mutating func advance(to instant: UInt64) {
        while let next = self.armed.min(by: { $0.value < $1.value }), next.value <= instant {
            let (timer, deadline) = (next.key, next.value)
            self.armed[timer] = nil
            self.now = deadline
            self.core.timerFired(timer, now: deadline, peer: self.peer, into: &self.actions)
            self.perform()
        }
        self.now = instant
    }

    private mutating func perform() {
        var index = 0
        while index < self.actions.count {
            let action = self.actions[index]
            index += 1
            switch action {
            case .send(_, _, let seq, let intended):
                self.sent.append(Sent(seq: seq, intended: intended, at: self.now))
            case .ping(let payload, let timeoutAt):
                self.pings.append((payload, self.now))
                self.armed[.script] = timeoutAt
            case .arm(let timer, let deadline):
                self.armed[timer] = deadline
            case .cancel(let timer):
                self.armed[timer] = nil
            case .cancelTimers:
                self.armed.removeAll()
            case .requestTotalPermit:
                self.permitRequests += 1
            case .close(let code, let reason):
                self.closes.append((code, reason, self.now))
            case .fail(let fault):
                self.faults.append(fault.code.rawValue)
            }
        }
        self.actions.removeAll(keepingCapacity: true)
    }
}

extension UInt64 {
    static func ms(_ value: UInt64) -> UInt64 { value * 1_000_000 }
}
