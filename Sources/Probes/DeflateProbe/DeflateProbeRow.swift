package import RunResults

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

    /// The `Sec-WebSocket-Extensions` value offered.
    package var offer: String
    package var answer: Answer
    /// The extension as the server answered it, when accepted.
    package var response: String?
    /// The phase, stable code and sentence of a failure.
    package var failure: CheckFailure?
    /// The echoes' payload and wire bytes, when every echo came back.
    package var echoBytes: EchoBytes?
    /// Time to the 101, in milliseconds.
    package var upgradeMilliseconds: Double?
}
