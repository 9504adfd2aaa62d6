package import NIOCore
package import WSDeflate
package import WSTransport

/// What `wsprobe probe deflate` does: one connection per permessage-deflate offer, each echoing compressible
/// messages, to show which offers survive the path (a proxy may strip, rewrite or break the negotiation).
package struct DeflateProbePlan: Sendable {
    /// How to open each connection; its own deflate offer is replaced by each of `offers` in turn.
    package var connect: ConnectOptions
    /// The offers to make, one connection each.
    package var offers: [DeflateOffer] = DeflateProbePlan.standardOffers
    /// Echo round trips per accepted offer (two show whether context takeover shrinks the second).
    package var echoCount = 2
    /// Payload bytes per echo: compressible text.
    package var payloadSize = 4096
    /// How long to wait for each echo and the closing handshake.
    package var replyTimeout = TimeAmount.seconds(5)
    /// True when certificate verification was switched off (shown in every output).
    package var insecure = false
    /// A note on what was probed (the embedded target when no URL was given).
    package var targetNote: String?

    package init(connect: ConnectOptions) {
        self.connect = connect
    }

    /// The default offers: the bare one, the browsers' one, each RFC 7692 parameter alone, and all of them.
    package static let standardOffers: [DeflateOffer] = [
        "permessage-deflate",
        "client_max_window_bits",
        "server_no_context_takeover",
        "client_no_context_takeover",
        "server_max_window_bits=10",
        "client_max_window_bits=10",
        "server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; client_max_window_bits=9",
    ].compactMap { try? DeflateOffer(parsing: $0) }
}
