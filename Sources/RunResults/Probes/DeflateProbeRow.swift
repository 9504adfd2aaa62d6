/// What one permessage-deflate offer got through the path.
package struct DeflateProbeRow: Sendable, Codable, Equatable {
    /// How the offer was answered.
    package enum Answer: String, Sendable, Codable {
        /// 101 with permessage-deflate and parameters valid for the offer (RFC 7692 §7.1).
        case accepted
        /// 101 without the extension: the server (or a proxy that stripped the header) declined it.
        case declined
        /// No usable connection: an invalid extension answer, another upgrade failure, or a broken echo.
        case failed
    }

    /// Where and why an offer's connection failed.
    package struct Failure: Sendable, Codable, Equatable {
        /// The connection phase (`dns`, `tcp`, `tls`, `upgrade`, `message`, `close`).
        package var phase: String
        /// The stable error code (`handshake.invalid-extension`).
        package var code: String
        /// One sentence for a person.
        package var message: String

        package init(phase: String, code: String, message: String) {
            self.phase = phase
            self.code = code
            self.message = message
        }
    }

    /// The echoes' payload bytes and their frames' bytes on the wire (compression shows as fewer wire bytes).
    package struct EchoBytes: Sendable, Codable, Equatable {
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

    /// The `Sec-WebSocket-Extensions` value offered.
    package var offer: String
    package var answer: Answer
    /// The extension as the server answered it, when accepted.
    package var response: String?
    /// The phase, stable code and sentence of a failure.
    package var failure: Failure?
    /// The echoes' payload and wire bytes, when every echo came back.
    package var echoBytes: EchoBytes?
    /// Time to the 101, in milliseconds.
    package var upgradeMilliseconds: Double?

    package init(
        offer: String,
        answer: Answer,
        response: String? = nil,
        failure: Failure? = nil,
        echoBytes: EchoBytes? = nil,
        upgradeMilliseconds: Double? = nil
    ) {
        self.offer = offer
        self.answer = answer
        self.response = response
        self.failure = failure
        self.echoBytes = echoBytes
        self.upgradeMilliseconds = upgradeMilliseconds
    }
}
