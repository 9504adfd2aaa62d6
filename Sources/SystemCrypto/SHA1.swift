import COpenSSL

/// SHA-1 from the system's OpenSSL.
///
/// RFC 6455 §4.2.2 defines `Sec-WebSocket-Accept` as base64(SHA-1(key + GUID)); this is its only use here.
package enum SHA1 {
    /// The 20-byte SHA-1 digest of `bytes`.
    package static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var output = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        input.withUnsafeBufferPointer { inputPointer in
            output.withUnsafeMutableBufferPointer { outputPointer in
                // SHA1 cannot fail for in-memory input; it returns its output pointer.
                _ = COpenSSL.SHA1(inputPointer.baseAddress, inputPointer.count, outputPointer.baseAddress)
            }
        }
        return output
    }
}
