/// The permessage-deflate parameters to offer (RFC 7692 §7.1).
package struct DeflateOffer: Sendable, Hashable {
    /// `client_no_context_takeover` (RFC 7692 §7.1.1.2).
    package var clientNoContextTakeover: Bool
    /// `server_no_context_takeover` (RFC 7692 §7.1.1.1).
    package var serverNoContextTakeover: Bool
    /// `client_max_window_bits` (RFC 7692 §7.1.2.2): `nil` not offered, `0` offered without a value,
    /// else 9...15. 8 is refused because zlib rejects raw deflate with an 8-bit window.
    package var clientMaxWindowBits: Int?
    /// `server_max_window_bits` (RFC 7692 §7.1.2.1): `nil` not offered, else 8...15.
    package var serverMaxWindowBits: Int?

    /// `deflate: true`: the plain offer `permessage-deflate; client_max_window_bits`, which lets the server
    /// pick any window while keeping both context takeovers (best ratio).
    package static let standard = DeflateOffer(clientMaxWindowBits: 0)

    package init(
        clientNoContextTakeover: Bool = false,
        serverNoContextTakeover: Bool = false,
        clientMaxWindowBits: Int? = nil,
        serverMaxWindowBits: Int? = nil
    ) {
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientMaxWindowBits = clientMaxWindowBits
        self.serverMaxWindowBits = serverMaxWindowBits
    }
}
