import NIOCore
import WSDeflate
import WSProtocol

/// Input: `[flags][split hi][split lo][frame bytes…]`, fed to a client-role `ConnectionStateMachine`.
///
/// Flags: bit 0 negotiates permessage-deflate (bit 1 server_no_context_takeover, bits 2-4 the server window
/// 8 + n, capped at 15), bit 5 uses small limits (frames 256 B, messages 1 KiB), bit 6 echoes every message
/// (so the deflater shares the connection with the inflater), bit 7 starts a close from our side first.
/// The bytes arrive in two reads cut at `split` (modulo the length + 1).
enum ClientConnectionFuzz {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let flags = input.byte()
        let split = input.uint16()
        let stream = input.rest()
        let cut = stream.startIndex + split % (stream.count + 1)
        let whole = Self.transcript(flags: flags, chunks: [stream], seed: UInt64(bytes.count))
        // RFC 6455 §5.2 framing does not depend on how bytes are split across reads: the same bytes in two
        // reads must give the same actions.
        if cut != stream.startIndex && cut != stream.endIndex {
            let split = Self.transcript(
                flags: flags,
                chunks: [stream[..<cut], stream[cut...]],
                seed: UInt64(bytes.count)
            )
            precondition(whole == split, "a different outcome when the bytes are split at \(cut - stream.startIndex)")
        }
    }

    /// Feeds `chunks` as successive reads, then ends the transport; returns every action, comparable.
    static func transcript(flags: UInt8, chunks: [ArraySlice<UInt8>], seed: UInt64) -> [Event] {
        var compression: PerMessageDeflate?
        if flags & 1 != 0 {
            let parameters = DeflateParameters(
                serverNoContextTakeover: flags & 2 != 0,
                serverMaxWindowBits: min(15, 8 + Int((flags >> 2) & 7))
            )
            do {
                compression = try PerMessageDeflate(parameters: parameters, role: .client)
            } catch {
                preconditionFailure("valid deflate parameters were refused: \(error)")
            }
        }
        let limits = flags & 32 != 0 ? Limits(maxFrameSize: 256, maxMessageSize: 1024) : .default
        var machine = ConnectionStateMachine(
            role: .client,
            limits: limits,
            compression: compression,
            random: FuzzRandom(seed: seed)
        )
        var checker = ActionChecker(limits: limits, echoes: flags & 64 != 0)
        if flags & 128 != 0 {
            do {
                try machine.close(into: &checker.actions)
            } catch {
                preconditionFailure("a normal close was refused: \(error)")
            }
            checker.check(&machine)
        }
        let total = chunks.reduce(0) { $0 + $1.count }
        for chunk in chunks {
            var buffer = ByteBuffer(bytes: chunk)
            var result = machine.receive(&buffer, into: &checker.actions)
            precondition(buffer.readableBytes == 0, "receive left bytes in the caller's buffer")
            checker.check(&machine)
            var rounds = 0
            while result == .pausedAfterMessage {
                result = machine.continueReceiving(into: &checker.actions)
                checker.check(&machine)
                rounds += 1
                precondition(rounds <= total + 1, "continueReceiving does not make progress")
            }
        }
        machine.transportClosed(into: &checker.actions)
        checker.check(&machine)
        precondition(checker.closedCount == 1, "the connection ended without exactly one .closed")
        return checker.events
    }

    static var seeds: [[UInt8]] {
        var seeds: [[UInt8]] = []
        // Plain: text, fragmented text with an interleaved ping, binary 126-length, pong, close.
        var plain = ByteBuffer()
        Self.frame(.text, "Hello", into: &plain)
        Self.frame(.text, "Hel", fin: false, into: &plain)
        Self.frame(.ping, "p", into: &plain)
        Self.frame(.continuation, "lo \u{1F600}", into: &plain)
        Self.frame(.binary, String(repeating: "b", count: 200), into: &plain)
        Self.frame(.pong, "", into: &plain)
        Self.frame(.close, "\u{03}\u{E8}bye", into: &plain)
        seeds.append([64, 0, 7] + Array(plain.readableBytesView))
        seeds.append([32 | 128, 0, 3] + Array(plain.readableBytesView))
        // Compressed messages with context takeover (the second refers back to the first), then one
        // uncompressed, over a 12-bit window.
        for flags: UInt8 in [1 | 64 | (4 << 2), 1 | 2 | 32] {
            let takeover = flags & 2 == 0
            guard
                let server = try? PerMessageDeflate(
                    parameters: DeflateParameters(
                        serverNoContextTakeover: !takeover,
                        serverMaxWindowBits: min(15, 8 + Int((flags >> 2) & 7))
                    ),
                    role: .server
                )
            else { continue }
            var stream = ByteBuffer()
            for text in ["{\"hello\":\"world\",\"n\":1}", "{\"hello\":\"world\",\"n\":2}"] {
                var compressed = ByteBuffer()
                server.compress(ByteBuffer(string: text), into: &compressed)
                FrameEncoder.writeFrame(
                    fin: true,
                    reservedBits: .rsv1,
                    opcode: .text,
                    maskingKey: nil,
                    payload: compressed,
                    into: &stream
                )
            }
            Self.frame(.binary, "raw", into: &stream)
            seeds.append([flags, 0, 9] + Array(stream.readableBytesView))
        }
        return seeds
    }

    private static func frame(_ opcode: Opcode, _ text: String, fin: Bool = true, into output: inout ByteBuffer) {
        FrameEncoder.writeFrame(
            fin: fin,
            reservedBits: [],
            opcode: opcode,
            maskingKey: nil,
            payload: ByteBuffer(string: text),
            into: &output
        )
    }
}

extension ClientConnectionFuzz {
    /// A `ConnectionAction` reduced to what must not depend on how bytes were split into reads: bytes as
    /// arrays, and an error by its code (its numbers, such as a size seen so far, may differ).
    enum Event: Equatable {
        case write([UInt8])
        case deliver(Message.Kind, [UInt8])
        case pong([UInt8])
        case startCloseTimer
        case closeTransport
        case closed(code: UInt16, reason: String, wasClean: Bool, sentCode: UInt16?, error: String?)

        init(_ action: ConnectionAction) {
            switch action {
            case .write(let bytes): self = .write(Array(bytes.readableBytesView))
            case .deliver(let message): self = .deliver(message.kind, Array(message.payload.readableBytesView))
            case .pongReceived(let bytes): self = .pong(Array(bytes.readableBytesView))
            case .startCloseTimer: self = .startCloseTimer
            case .closeTransport: self = .closeTransport
            case .closed(let outcome):
                self = .closed(
                    code: outcome.code.rawValue,
                    reason: outcome.reason,
                    wasClean: outcome.wasClean,
                    sentCode: outcome.sentCode?.rawValue,
                    error: outcome.error?.code
                )
            }
        }
    }
}

/// Checks the actions a state machine emits against the invariants of RFC 6455 and `ConnectionAction`.
private struct ActionChecker {
    let limits: Limits
    let echoes: Bool
    var actions: [ConnectionAction] = []
    var closedCount = 0
    /// Every action seen, in a form that compares equal across runs.
    var events: [ClientConnectionFuzz.Event] = []

    init(limits: Limits, echoes: Bool) {
        self.limits = limits
        self.echoes = echoes
    }

    mutating func check<Random: RandomNumberGenerator>(_ machine: inout ConnectionStateMachine<Random>) {
        let batch = self.actions
        self.actions.removeAll(keepingCapacity: true)
        for action in batch {
            precondition(self.closedCount == 0, "an action after .closed: \(action)")
            self.events.append(ClientConnectionFuzz.Event(action))
            switch action {
            case .deliver(let message):
                precondition(
                    message.payload.readableBytes <= self.limits.maxMessageSize,
                    "a message over the limit was delivered"
                )
                if message.kind == .text {
                    let valid = message.payload.withUnsafeReadableBytes {
                        String(validating: $0, as: UTF8.self) != nil
                    }
                    precondition(valid, "a text message with invalid UTF-8 was delivered")
                }
                if self.echoes, machine.isOpen {
                    do {
                        try machine.send(message, fragmentSize: 7, into: &self.actions)
                    } catch {
                        preconditionFailure("send failed on an open connection: \(error)")
                    }
                }
            case .write(let bytes):
                // Everything a client writes is masked (RFC 6455 §5.1).
                precondition(bytes.readableBytes >= 6, "a written frame is too short")
                let second = bytes.getInteger(at: bytes.readerIndex + 1, as: UInt8.self) ?? 0
                precondition(second & 0x80 != 0, "a client frame was written unmasked")
            case .closed(let outcome):
                if let error = outcome.error {
                    precondition(!error.code.isEmpty && !error.description.isEmpty, "an error without code or sentence")
                }
                self.closedCount += 1
            case .pongReceived(let payload):
                precondition(payload.readableBytes <= 125, "a control payload over 125 bytes")
            case .startCloseTimer, .closeTransport:
                break
            }
        }
        // Actions appended by an echo are checked on the next call.
        if !self.actions.isEmpty {
            self.check(&machine)
        }
    }
}
