/// The permessage-deflate parameters both endpoints agreed on (RFC 7692 §7.1), resolved to values.
///
/// "Server" and "client" name the direction: `server*` parameters govern what the server compresses and
/// the client inflates, `client*` the other way round.
package struct DeflateParameters: Sendable, Equatable {
    /// The server resets its compressor after every message (RFC 7692 §7.1.1.1).
    package var serverNoContextTakeover: Bool
    /// The client resets its compressor after every message (RFC 7692 §7.1.1.2).
    package var clientNoContextTakeover: Bool
    /// The server's LZ77 window is at most 2^bits bytes, 8-15 (RFC 7692 §7.1.2.1).
    package var serverMaxWindowBits: Int
    /// The client's LZ77 window is at most 2^bits bytes, 8-15 (RFC 7692 §7.1.2.2).
    package var clientMaxWindowBits: Int

    /// Parameters with RFC 7692's defaults: context takeover both ways and 15-bit windows.
    package init(
        serverNoContextTakeover: Bool = false,
        clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int = 15,
        clientMaxWindowBits: Int = 15
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }
}
