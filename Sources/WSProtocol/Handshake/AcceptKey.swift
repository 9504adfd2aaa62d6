import SystemCrypto

/// The `Sec-WebSocket-Key` / `Sec-WebSocket-Accept` pair of RFC 6455 §4.
package enum AcceptKey {
    /// The GUID RFC 6455 §1.3 appends to the key before hashing.
    package static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// The accept value for `key`: base64(SHA-1(key + GUID)) (RFC 6455 §4.2.2 step 5.4).
    package static func accept(for key: String) -> String {
        Base64.encode(SHA1.digest((key + Self.guid).utf8))
    }

    /// A fresh key: base64 of 16 bytes drawn from `generator` (RFC 6455 §4.1, item 7).
    ///
    /// Use a cryptographically secure generator (`SecureRandom`) in production; tests pass a seeded one.
    package static func makeKey(using generator: inout some RandomNumberGenerator) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for _ in 0..<2 {
            let word = generator.next()
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return Base64.encode(bytes)
    }

    /// Whether `key` is base64 of exactly 16 bytes, as RFC 6455 §4.2.1 item 5 requires of a client's key.
    package static func isValidKey(_ key: some StringProtocol) -> Bool {
        Base64.decode(key)?.count == 16
    }
}
