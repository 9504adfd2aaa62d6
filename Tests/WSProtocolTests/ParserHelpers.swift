import NIOCore
import TestSupport
import WSProtocol

/// What a parser run produced: frames until the first error.
enum ParseEvent: Equatable, CustomStringConvertible {
    case frame(Frame)
    case error(ProtocolError)

    var description: String {
        switch self {
        case .frame(let frame):
            "frame(fin: \(frame.fin), rsv: \(frame.reservedBits.rawValue), \(frame.opcode), \(frame.payload.hexString))"
        case .error(let error): "error(\(error))"
        }
    }
}

/// Parses every frame in `cumulation` (stopping at the first error).
func parseAvailable(_ parser: inout FrameParser, _ cumulation: inout ByteBuffer) -> [ParseEvent] {
    var events: [ParseEvent] = []
    do {
        while let frame = try parser.nextFrame(from: &cumulation) {
            events.append(.frame(frame))
        }
    } catch {
        events.append(.error(error))
        // Feed nothing more after an error, as a connection would.
        cumulation.moveReaderIndex(to: cumulation.writerIndex)
    }
    return events
}

/// Parses `bytes` fed in one read.
func parseAll(
    _ bytes: [UInt8],
    role: EndpointRole = .client,
    maxFrameSize: Int = Limits.defaultMaxSize,
    allowedReservedBits: ReservedBits = []
) -> [ParseEvent] {
    var parser = FrameParser(role: role, maxFrameSize: maxFrameSize, allowedReservedBits: allowedReservedBits)
    var buffer = ByteBuffer(bytes: bytes)
    return parseAvailable(&parser, &buffer)
}

/// A frame value as the parser returns it.
func frame(
    _ opcode: Opcode,
    _ payload: [UInt8],
    fin: Bool = true,
    rsv: ReservedBits = [],
    key: MaskingKey? = nil
) -> Frame {
    Frame(fin: fin, reservedBits: rsv, opcode: opcode, maskingKey: key, payload: ByteBuffer(bytes: payload))
}

/// The RFC 6455 §5.7 example key.
let rfcKey = MaskingKey(0x37, 0xFA, 0x21, 0x3D)

/// `count` bytes of a repeating pattern.
func pattern(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
}

/// "κόσμε" as Autobahn|Testsuite spells it (11 bytes; the ό is U+1F79).
let kosme = [UInt8](hex: "ce ba e1 bd b9 cf 83 ce bc ce b5")
