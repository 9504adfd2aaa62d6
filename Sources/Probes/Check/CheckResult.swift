/// The outcome of `wsprobe check`: every phase with its time and detail, the exchange, and a diagnosis.
///
/// Codable so `--json` prints exactly what the console shows; times are milliseconds.
package struct CheckResult: Sendable, Codable, Equatable {
    /// One phase's line: name, duration (nil when it did not run) and what it established.
    package struct Phase: Sendable, Codable, Equatable {
        package var name: String
        package var milliseconds: Double?
        package var detail: String
        package var passed: Bool

        package init(name: String, milliseconds: Double?, detail: String, passed: Bool = true) {
            self.name = name
            self.milliseconds = milliseconds
            self.detail = detail
            self.passed = passed
        }
    }

    /// Why the check failed: the phase, a stable code and a sentence.
    package struct Failure: Sendable, Codable, Equatable {
        package var phase: String
        package var code: String
        package var message: String
    }

    /// One certificate of the peer's chain.
    package struct Certificate: Sendable, Codable, Equatable {
        package var subject: String
        package var issuer: String
        package var notAfter: String
        package var daysLeft: Int
    }

    /// What the TLS handshake negotiated.
    package struct TLSFacts: Sendable, Codable, Equatable {
        package var version: String
        package var cipher: String
        package var alpn: String?
        package var serverName: String?
        package var verificationSkipped: Bool
        package var verifyResult: String
        package var chain: [Certificate]
    }

    /// The echoes' bytes: payload each way and whole frames on the wire (compression shows as fewer wire bytes).
    package struct EchoBytes: Sendable, Codable, Equatable {
        /// Payload bytes of all echoes, sent (and the same received).
        package var payload: Int
        /// Frame bytes written for the echo messages (after compression and masking).
        package var wireSent: Int
        /// Frame bytes read for the echoed messages.
        package var wireReceived: Int
    }

    /// How the connection ended.
    package struct CloseFacts: Sendable, Codable, Equatable {
        /// The code of the close frame received (RFC 6455 §7.1.5): 1006 when none was received.
        package var code: UInt16
        package var reason: String
        package var initiatedBy: String
        package var clean: Bool
        package var milliseconds: Double?
        /// The code of the close frame wsprobe sent, `nil` when it sent none (or one without a code).
        package var sentCode: UInt16?
        /// How TCP ended: `fin` (the server ended it), `rst` (reset) or `local` (wsprobe ended it).
        package var transport: String?
    }

    package var url: String
    package var passed: Bool
    package var failure: Failure?
    package var insecure: Bool
    package var resolvedAddresses: [String] = []
    package var remoteAddress: String?
    package var localAddress: String?
    package var phases: [Phase] = []
    package var requestHead: [String] = []
    package var responseHead: [String] = []
    package var subprotocol: String?
    package var extensions: String?
    package var tls: TLSFacts?
    package var echoMilliseconds: [Double] = []
    /// Set when every echo came back.
    package var echoBytes: EchoBytes?
    package var pingMilliseconds: Double?
    /// Messages the server sent on its own (not an echo of what was sent), and the first few described.
    package var unsolicitedMessages = 0
    package var unsolicitedSamples: [String] = []
    package var close: CloseFacts?
    package var totalMilliseconds: Double?

    package init(url: String, insecure: Bool) {
        self.url = url
        self.passed = false
        self.insecure = insecure
    }
}
