import COpenSSL

extension TLSContext {
    /// RFC 7301 §3.1 wire format: each protocol name as one length byte (1...255) and its bytes.
    static func alpnWireFormat(_ protocols: [String]) throws(TLSError) -> [UInt8] {
        var wire: [UInt8] = []
        for name in protocols {
            let bytes = Array(name.utf8)
            guard let length = UInt8(exactly: bytes.count), length > 0 else {
                throw configError(file: nil, reason: "ALPN protocol names must be 1 to 255 bytes, got '\(name)'")
            }
            wire.append(length)
            wire.append(contentsOf: bytes)
        }
        return wire
    }

    /// Fails with a clear message when `path` cannot be opened, before OpenSSL reports it less clearly.
    static func requireReadable(_ path: String) throws(TLSError) {
        guard let bio = BIO_new_file(path, "r") else {
            throw configError(file: path, reason: "the file does not exist or cannot be read")
        }
        BIO_free(bio)
    }

    /// A `tls.config` error with the drained OpenSSL queue.
    static func configError(file: String?, reason: String) -> TLSError {
        .config(
            file: file,
            reason: reason,
            TLSDiagnostics(openSSLErrors: OpenSSLErrorQueue.drain().messages, verifyResult: 0, verifyReason: "ok")
        )
    }
}
