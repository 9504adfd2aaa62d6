/// Why a check failed: the phase, a stable code and a sentence (the diagnosis).
package struct CheckFailure: Sendable, Hashable, Codable {
    package var phase: String
    package var code: String
    package var message: String

    package init(phase: String, code: String, message: String) {
        self.phase = phase
        self.code = code
        self.message = message
    }
}

/// The echoes' bytes: payload each way and whole frames on the wire (compression shows as fewer wire bytes).
package struct EchoBytes: Sendable, Hashable, Codable {
    /// Payload bytes of all echoes, sent (and the same received).
    package var payload: Int
    /// Frame bytes written for the echo messages (after compression and masking).
    package var wireSent: Int
    /// Frame bytes read for the echoed messages.
    package var wireReceived: Int

    package init(payload: Int, wireSent: Int, wireReceived: Int) {
        self.payload = payload
        self.wireSent = wireSent
        self.wireReceived = wireReceived
    }
}

/// How a check's connection ended.
package struct CloseFacts: Sendable, Hashable, Codable {
    /// The code of the close frame received (RFC 6455 §7.1.5): 1006 when none was received.
    package var code: UInt16
    package var reason: String
    /// `wsprobe` or `server`.
    package var initiatedBy: String
    package var clean: Bool
    /// The closing handshake's duration.
    package var milliseconds: Double?
    /// The code of the close frame wsprobe sent, `nil` when it sent none (or one without a code).
    package var sentCode: UInt16?
    /// How TCP ended: `fin` (the server ended it), `rst` (reset) or `local` (wsprobe ended it).
    package var transport: String?

    package init(
        code: UInt16,
        reason: String,
        initiatedBy: String,
        clean: Bool,
        milliseconds: Double? = nil,
        sentCode: UInt16? = nil,
        transport: String? = nil
    ) {
        self.code = code
        self.reason = reason
        self.initiatedBy = initiatedBy
        self.clean = clean
        self.milliseconds = milliseconds
        self.sentCode = sentCode
        self.transport = transport
    }
}
