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

    /// Where and why an offer's connection failed: the same shape as a check's failure.
    package typealias Failure = CheckFailure

    /// The echoes' payload bytes and their frames' bytes on the wire: the same shape as a check's.
    package typealias EchoBytes = RunResults.EchoBytes

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
