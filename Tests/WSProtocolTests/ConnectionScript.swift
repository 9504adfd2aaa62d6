import NIOCore
import TestSupport
import WSProtocol

/// One action of the machine in a form a test can spell: writes are decoded back into frames.
enum Step: Equatable, CustomStringConvertible {
    case write(Opcode, [UInt8], fin: Bool = true, rsv: UInt8 = 0)
    case deliver(Message)
    case pong([UInt8])
    case startCloseTimer
    case closeTransport
    case closed(CloseOutcome)
    /// A write that did not decode as frames of the right masking.
    case badWrite(String)

    var description: String {
        switch self {
        case .write(let opcode, let payload, let fin, let rsv):
            "write(\(opcode), \(payload.hexString), fin: \(fin), rsv: \(rsv))"
        case .deliver(let message): "deliver(\(message.kind), \(message.payload.hexString))"
        case .pong(let payload): "pong(\(payload.hexString))"
        case .startCloseTimer: "startCloseTimer"
        case .closeTransport: "closeTransport"
        case .closed(let outcome): "closed(\(outcome))"
        case .badWrite(let reason): "badWrite(\(reason))"
        }
    }

    /// A close frame written with this code and reason.
    static func writeClose(_ code: UInt16?, _ reason: String = "") -> Step {
        .write(.close, closeBytes(code, reason))
    }

    /// A text message delivered.
    static func deliverText(_ text: String) -> Step {
        .deliver(.text(text))
    }
}

/// Close payload bytes.
func closeBytes(_ code: UInt16?, _ reason: String = "") -> [UInt8] {
    guard let code else { return [] }
    return [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8)
}

/// Drives a `ConnectionStateMachine` and turns its actions into `Step`s.
struct ConnectionScript {
    var machine: ConnectionStateMachine<SplitMix64>
    let role: EndpointRole
    private var peerRandom = SplitMix64(seed: 42)

    init(
        role: EndpointRole,
        limits: Limits = .default,
        compression: (any MessageCompression)? = nil
    ) {
        self.role = role
        self.machine = ConnectionStateMachine(
            role: role,
            limits: limits,
            compression: compression,
            random: SplitMix64(seed: 1)
        )
    }

    /// The bytes the peer would send for this frame (masked when the peer is a client).
    mutating func peer(
        _ opcode: Opcode,
        _ payload: [UInt8],
        fin: Bool = true,
        rsv: ReservedBits = []
    ) -> [UInt8] {
        var output = ByteBuffer()
        FrameEncoder(role: self.role == .client ? .server : .client).writeFrame(
            fin: fin,
            reservedBits: rsv,
            opcode: opcode,
            payload: ByteBuffer(bytes: payload),
            into: &output,
            using: &self.peerRandom
        )
        return output.bytes
    }

    /// The peer's text frame.
    mutating func peer(_ opcode: Opcode, _ text: String, fin: Bool = true) -> [UInt8] {
        self.peer(opcode, Array(text.utf8), fin: fin)
    }

    /// Feeds one read and, as a transport does, continues after every pause until all frames are handled.
    mutating func receive(_ bytes: [UInt8]) -> [Step] {
        var buffer = ByteBuffer(bytes: bytes)
        return self.receive(&buffer)
    }

    /// Feeds `buffer` and continues after every pause.
    mutating func receive(_ buffer: inout ByteBuffer) -> [Step] {
        var actions: [ConnectionAction] = []
        var result = self.machine.receive(&buffer, into: &actions)
        while result == .pausedAfterMessage {
            result = self.machine.continueReceiving(into: &actions)
        }
        return self.steps(actions)
    }

    /// Feeds one read without continuing after a pause.
    mutating func receiveOnce(_ bytes: [UInt8]) -> ([Step], ReceiveResult) {
        var buffer = ByteBuffer(bytes: bytes)
        var actions: [ConnectionAction] = []
        let result = self.machine.receive(&buffer, into: &actions)
        return (self.steps(actions), result)
    }

    /// Handles buffered frames after a pause, without continuing after the next one.
    mutating func continueOnce() -> ([Step], ReceiveResult) {
        var actions: [ConnectionAction] = []
        let result = self.machine.continueReceiving(into: &actions)
        return (self.steps(actions), result)
    }

    mutating func send(_ message: Message, fragmentSize: Int? = nil, compress: Bool = true) throws(SendError) -> [Step]
    {
        var actions: [ConnectionAction] = []
        try self.machine.send(message, fragmentSize: fragmentSize, compress: compress, into: &actions)
        return self.steps(actions)
    }

    mutating func ping(_ payload: [UInt8]) throws(SendError) -> [Step] {
        var actions: [ConnectionAction] = []
        try self.machine.sendPing(ByteBuffer(bytes: payload), into: &actions)
        return self.steps(actions)
    }

    mutating func close(_ code: CloseCode? = .normalClosure, reason: String = "") throws(SendError) -> [Step] {
        var actions: [ConnectionAction] = []
        try self.machine.close(code: code, reason: reason, into: &actions)
        return self.steps(actions)
    }

    mutating func transportClosed() -> [Step] {
        var actions: [ConnectionAction] = []
        self.machine.transportClosed(into: &actions)
        return self.steps(actions)
    }

    mutating func closeTimerFired() -> [Step] {
        var actions: [ConnectionAction] = []
        self.machine.closeTimerFired(into: &actions)
        return self.steps(actions)
    }

    /// Converts actions, decoding every write with a parser in the peer's role (which checks the masking).
    func steps(_ actions: [ConnectionAction]) -> [Step] {
        actions.flatMap { action -> [Step] in
            switch action {
            case .write(let buffer):
                var parser = FrameParser(role: self.role == .client ? .server : .client, allowedReservedBits: .rsv1)
                var buffer = buffer
                var steps: [Step] = []
                do {
                    while let frame = try parser.nextFrame(from: &buffer) {
                        steps.append(
                            .write(frame.opcode, frame.payload.bytes, fin: frame.fin, rsv: frame.reservedBits.rawValue)
                        )
                    }
                } catch {
                    return [.badWrite("\(error)")]
                }
                if buffer.readableBytes != 0 {
                    steps.append(.badWrite("\(buffer.readableBytes) trailing bytes"))
                }
                return steps
            case .deliver(let message): return [.deliver(message)]
            case .pongReceived(let payload): return [.pong(payload.bytes)]
            case .startCloseTimer: return [.startCloseTimer]
            case .closeTransport: return [.closeTransport]
            case .closed(let outcome): return [.closed(outcome)]
            }
        }
    }
}

extension CloseOutcome {
    /// Shorthand for expected outcomes in scripts.
    static func of(
        _ code: UInt16,
        _ reason: String = "",
        by initiator: Initiator,
        clean: Bool,
        sent: UInt16? = nil,
        error: ProtocolError? = nil,
        timedOut: Bool = false
    ) -> CloseOutcome {
        CloseOutcome(
            code: CloseCode(rawValue: code),
            reason: reason,
            initiator: initiator,
            wasClean: clean,
            sentCode: sent.map(CloseCode.init(rawValue:)),
            error: error,
            closeTimedOut: timedOut
        )
    }

    /// The outcome of this endpoint failing the connection.
    static func failed(_ error: ProtocolError) -> CloseOutcome {
        .of(1006, by: .local, clean: false, sent: error.closeCode, error: error)
    }
}

/// The steps of failing the connection with `error`: close frame with the error's close code, then TCP close.
func failSteps(_ error: ProtocolError) -> [Step] {
    [.writeClose(error.closeCode, error.code), .closeTransport, .closed(.failed(error))]
}
