/// What only a `check` run has: every phase of its one connection with its time and detail, the echoes, the
/// ping, the close and the diagnosis. The request and response heads and the TLS session are in the result's
/// `upgrade`. Keys added in schema version 2 are absent in version-1 reports.
package struct CheckDetails: Sendable, Hashable, Codable {
    /// The URL checked (secrets redacted).
    package var url: String?
    /// `true` when certificate verification was turned off (`--insecure`).
    package var insecure: Bool?
    /// Phases in the order they happened (version 1: only the timed ones).
    package var phases: [PhaseTiming]
    /// Why the check failed; `nil` when it passed.
    package var failure: CheckFailure?
    /// The addresses the name resolved to, and the ones the connection used.
    package var resolvedAddresses: [String]?
    package var remoteAddress: String?
    package var localAddress: String?
    /// Round trip of each echoed message in milliseconds, in send order.
    package var echoRoundTripsMilliseconds: [Double]
    /// Payload and wire bytes of the echoes, when every echo came back.
    package var echoBytes: EchoBytes?
    /// The ping's round trip, when a pong came back.
    package var pingMilliseconds: Double?
    /// Messages the server sent on its own (a greeting, a broadcast), not taken for echoes; `nil` when none
    /// came.
    package var unsolicitedMessages: Int?
    /// The first few of them, described (`text, 7 B: "welcome"`).
    package var unsolicitedSamples: [String]?
    /// How the connection ended.
    package var close: CloseFacts?
    /// From the start to the end of the connection, in milliseconds.
    package var totalMilliseconds: Double?

    package init(
        url: String? = nil,
        insecure: Bool? = nil,
        phases: [PhaseTiming] = [],
        failure: CheckFailure? = nil,
        echoRoundTripsMilliseconds: [Double] = [],
        unsolicitedMessages: Int? = nil
    ) {
        self.url = url
        self.insecure = insecure
        self.phases = phases
        self.failure = failure
        self.echoRoundTripsMilliseconds = echoRoundTripsMilliseconds
        self.unsolicitedMessages = unsolicitedMessages
    }

    /// `1 unsolicited message from the server (text, 7 B: "welcome")`, or `nil` when none came.
    package var unsolicitedText: String? {
        guard let count = self.unsolicitedMessages, count > 0 else { return nil }
        let shown = self.unsolicitedSamples ?? []
        let more = count > shown.count ? "; …" : ""
        return "\(count) unsolicited message\(count == 1 ? "" : "s") from the server "
            + "(\(shown.joined(separator: "; "))\(more))"
    }
}
