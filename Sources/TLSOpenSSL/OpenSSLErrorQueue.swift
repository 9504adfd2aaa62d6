import COpenSSL

/// The calling thread's OpenSSL error queue.
///
/// The queue is per thread and shared by every connection on an event loop, so it is cleared before each
/// SSL call and drained right after a failure; a failure then never reports another connection's errors.
enum OpenSSLErrorQueue {
    /// Empties the queue before an SSL call.
    static func clear() {
        ERR_clear_error()
    }

    /// Removes every queued error and returns them oldest first, rendered by `ERR_error_string_n`, with the
    /// reason of the oldest one alone (e.g. "no shared cipher"), which is usually the root cause, and whether
    /// that one is a fatal alert received from the peer.
    static func drain() -> (messages: [String], firstReason: String?, peerAlert: Bool) {
        var messages: [String] = []
        var firstReason: String?
        var peerAlert = false
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            messages.append(render(code))
            if firstReason == nil, let reason = ERR_reason_error_string(code) {
                firstReason = String(cString: reason)
                // OpenSSL reports a received alert as SSL reason SSL_AD_REASON_OFFSET + alert number.
                peerAlert = ERR_GET_LIB(code) == ERR_LIB_SSL && ERR_GET_REASON(code) >= SSL_AD_REASON_OFFSET
            }
        }
        return (messages, firstReason, peerAlert)
    }

    private static func render(_ code: UInt) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
            guard let base = buffer.baseAddress else { return "error:\(code)" }
            ERR_error_string_n(code, base, buffer.count)
            return String(cString: base)
        }
    }
}
