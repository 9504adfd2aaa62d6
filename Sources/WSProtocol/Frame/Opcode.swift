/// A WebSocket frame opcode (RFC 6455 §5.2).
///
/// Only the six defined opcodes have a case: a byte of 0x3-0x7 or 0xB-0xF has no `Opcode`, so a reserved
/// opcode cannot travel past the parser.
package enum Opcode: UInt8, Sendable, Hashable, CaseIterable {
    /// 0x0: continues a fragmented message (RFC 6455 §5.4).
    case continuation = 0x0
    /// 0x1: the first (or only) frame of a UTF-8 text message.
    case text = 0x1
    /// 0x2: the first (or only) frame of a binary message.
    case binary = 0x2
    /// 0x8: starts or answers the closing handshake (RFC 6455 §5.5.1).
    case close = 0x8
    /// 0x9: a keep-alive or liveness probe; must be answered with a pong (RFC 6455 §5.5.2).
    case ping = 0x9
    /// 0xA: the answer to a ping, or an unsolicited heartbeat (RFC 6455 §5.5.3).
    case pong = 0xA

    /// Reads an opcode from the low four bits of a frame's first byte.
    ///
    /// RFC 6455 §5.2: opcodes 0x3-0x7 (non-control) and 0xB-0xF (control) are reserved, and an endpoint that
    /// receives one must fail the connection.
    /// - Throws: `ProtocolError.reservedOpcode` for a reserved value.
    package init(validating rawValue: UInt8) throws(ProtocolError) {
        guard let opcode = Opcode(rawValue: rawValue) else {
            throw .reservedOpcode(rawValue)
        }
        self = opcode
    }

    /// True for close, ping and pong: opcodes with the most significant bit set (RFC 6455 §5.5).
    package var isControl: Bool {
        self.rawValue & 0x8 != 0
    }

    /// True for continuation, text and binary frames.
    package var isData: Bool {
        !self.isControl
    }
}
