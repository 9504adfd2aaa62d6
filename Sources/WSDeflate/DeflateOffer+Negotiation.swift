package import WSProtocol

extension DeflateOffer {
    /// Checks the server's answer to this offer by RFC 7692 §7.1 and resolves the agreed parameters.
    ///
    /// - Parameter accepted: the extensions the server accepted (`NegotiatedUpgrade.extensions`); elements
    ///   other than permessage-deflate are ignored here.
    /// - Returns: the parameters, or nil when the server did not accept permessage-deflate (compression is
    ///   off; a proxy may have stripped the header).
    /// - Throws: the `deflate.*` `HandshakeError` for the first rule the response breaks; the client must then
    ///   fail the WebSocket connection (RFC 7692 §5).
    package func negotiate(_ accepted: [WebSocketExtension]) throws(HandshakeError) -> DeflateParameters? {
        let responses = accepted.filter { $0.name.equalsIgnoringASCIICase(DeflateParameterSet.extensionName) }
        guard let response = responses.first else { return nil }
        guard responses.count == 1 else {
            throw .deflateMultipleAccepted(count: responses.count)
        }
        let answer = try DeflateParameterSet(response, valuelessClientWindowBits: false)

        // RFC 7692 §7.1.1.1: an offered server_no_context_takeover must be in the response.
        if self.serverNoContextTakeover, !answer.serverNoContextTakeover {
            throw .deflateServerNoContextTakeoverMissing
        }
        // RFC 7692 §7.1.2.1: an offered server_max_window_bits=N must be answered with a value <= N.
        let serverBits: Int
        switch (self.serverMaxWindowBits, answer.serverMaxWindowBits) {
        case (let offered?, nil):
            throw .deflateServerWindowBitsMissing(offered: offered)
        case (let offered?, let received?) where received > offered:
            throw .deflateServerWindowBitsTooLarge(offered: offered, received: received)
        case (_, let received?):
            serverBits = received
        case (nil, nil):
            serverBits = 15
        }
        // RFC 7692 §7.1.2.2: client_max_window_bits only if offered, and not above an offered limit.
        let clientBits: Int
        switch (self.clientMaxWindowBits, answer.clientMaxWindowBits ?? nil) {
        case (.notOffered, let received?):
            throw .deflateClientWindowBitsNotOffered(received: received)
        case (.limit(let offered), let received?) where received > offered:
            throw .deflateClientWindowBitsTooLarge(offered: offered, received: received)
        case (_, let received?):
            // zlib cannot compress raw deflate with an 8-bit window; quietly using 9 would break the
            // server's inflater, so fail instead (research note §4.4).
            guard received >= 9 else {
                throw .deflateClientWindowBitsUnsupported(received: received)
            }
            clientBits = received
        case (.limit(let offered), nil):
            clientBits = offered
        case (_, nil):
            clientBits = 15
        }
        return DeflateParameters(
            serverNoContextTakeover: answer.serverNoContextTakeover,
            // Resetting our own compressor is always allowed; do it when either side asked for it.
            clientNoContextTakeover: answer.clientNoContextTakeover || self.clientNoContextTakeover,
            serverMaxWindowBits: serverBits,
            clientMaxWindowBits: clientBits
        )
    }
}
