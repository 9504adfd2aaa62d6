package import NIOCore

/// The body of a close frame: an optional status code and a UTF-8 reason (RFC 6455 §5.5.1).
package struct ClosePayload: Sendable, Hashable {
    /// The status code, nil for an empty payload.
    package var code: CloseCode?
    /// The reason text; empty when absent. At most 123 UTF-8 bytes so the payload fits 125.
    package var reason: String

    /// The largest reason that fits a control frame: 125 bytes minus the 2-byte code (RFC 6455 §5.5).
    package static let maxReasonBytes = 123

    package init(code: CloseCode?, reason: String = "") {
        self.code = code
        self.reason = reason
    }

    /// Parses and checks a received close payload.
    ///
    /// RFC 6455 §5.5.1: the payload is empty, or a 2-byte big-endian code followed by a UTF-8 reason; a 1-byte
    /// payload cannot be either (1002). RFC 6455 §5.5: at most 125 bytes. RFC 6455 §7.4: the code must be one
    /// allowed on the wire (1002). RFC 6455 §8.1: the reason must be valid UTF-8 (1007).
    /// - Throws: `.closePayloadTooShort`, `.controlFrameTooLong`, `.badCloseCode` or `.invalidCloseReason`.
    package init(parsing payload: ByteBuffer) throws(ProtocolError) {
        var payload = payload
        if payload.readableBytes > 125 {
            throw .controlFrameTooLong(length: payload.readableBytes)
        }
        guard payload.readableBytes > 0 else {
            self.init(code: nil)
            return
        }
        guard let rawCode = payload.readInteger(as: UInt16.self) else {
            throw .closePayloadTooShort
        }
        let code = try CloseCode(validatingReceived: rawCode)
        guard UTF8Validator.isValid(payload) else {
            throw .invalidCloseReason
        }
        self.init(code: code, reason: String(buffer: payload))
    }

    /// The encoded size: 0 without a code, else 2 plus the reason's UTF-8 length.
    package var encodedSize: Int {
        self.code == nil ? 0 : 2 + self.reason.utf8.count
    }

    /// Appends the payload bytes: nothing without a code (the reason is dropped), else code then reason.
    package func write(into buffer: inout ByteBuffer) {
        guard let code = self.code else {
            return
        }
        buffer.writeInteger(code.rawValue, as: UInt16.self)
        buffer.writeString(self.reason)
    }
}
