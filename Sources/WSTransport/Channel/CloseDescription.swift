package import WSProtocol

/// How a connection ended, in words: the close frame each side sent, who started closing and how TCP ended.
///
/// RFC 6455 §7.1.5 reports 1006 when no close frame was *received*; a connection wsprobe failed with 1002 also
/// reads 1006 there, so the code alone would hide that wsprobe sent 1002 and ended TCP itself.
package enum CloseDescription {
    /// The close phase line of `check`, e.g. `1000 normal closure, initiated by wsprobe, clean` or
    /// `sent 1002 protocol error, received no close frame (1006), initiated by wsprobe; wsprobe ended TCP, not clean`.
    package static func line(_ outcome: CloseOutcome, transport: TransportEnd?) -> String {
        let received = Self.received(outcome)
        let initiator = Self.initiator(outcome)
        guard !outcome.wasClean else {
            var line = "\(received), initiated by \(initiator)"
            if let sent = outcome.sentCode, sent != outcome.code {
                line += " (sent \(Self.code(sent.rawValue)))"
            }
            if outcome.closeTimedOut { line += " (the server did not end TCP in time)" }
            return line + ", clean"
        }
        let sent = outcome.sentCode.map { "sent \(Self.code($0.rawValue))" } ?? "sent no close frame"
        var line = "\(sent), received \(received), initiated by \(initiator)"
        if let transport { line += "; \(Self.transport(transport))" }
        if outcome.closeTimedOut { line += " (the server did not end TCP in time)" }
        return line + ", not clean"
    }

    /// How TCP ended: `the server ended TCP (FIN)`, `the server reset TCP (RST)` or `wsprobe ended TCP`.
    package static func transport(_ end: TransportEnd) -> String {
        switch end {
        case .peerFIN: "the server ended TCP (FIN)"
        case .peerReset: "the server reset TCP (RST)"
        case .local: "wsprobe ended TCP"
        }
    }

    /// `1002 protocol error`.
    package static func code(_ code: UInt16) -> String {
        "\(code) \(CloseCode(rawValue: code).name ?? "unknown")"
    }

    /// The close frame received: `1001 going away 'idle timeout'`, or `no close frame (1006)`.
    private static func received(_ outcome: CloseOutcome) -> String {
        guard outcome.code != .abnormalClosure else { return "no close frame (1006)" }
        let reason = outcome.reason.isEmpty ? "" : " '\(outcome.reason)'"
        return Self.code(outcome.code.rawValue) + reason
    }

    /// Who started closing: wsprobe (a close it sent, a connection it failed), the server (a close frame it
    /// sent first), or the server or the network (TCP ended with no close frame from either side).
    private static func initiator(_ outcome: CloseOutcome) -> String {
        if outcome.initiator == .local { return "wsprobe" }
        return outcome.code == .abnormalClosure ? "the server or the network" : "the server"
    }
}
