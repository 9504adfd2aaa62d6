/// How the peer closed an idle connection.
package struct IdleProbeClosure: Sendable, Hashable, Codable {
    /// The close code received: 1006 when TCP ended (FIN or RST) without a close frame.
    package var code: Int
    /// The reason of the close frame, empty when none.
    package var reason: String
    /// True when a close frame arrived (code ≠ 1006).
    package var closeFrame: Bool
    /// RFC 6455 §7.1.4: close frames were both sent and received.
    package var wasClean: Bool

    package init(code: Int, reason: String, closeFrame: Bool, wasClean: Bool) {
        self.code = code
        self.reason = reason
        self.closeFrame = closeFrame
        self.wasClean = wasClean
    }

    /// `a close frame 1001 'idle'` or `TCP ended (FIN or RST) without a close frame (1006)`.
    package var summary: String {
        guard self.closeFrame else { return "TCP ended (FIN or RST) without a close frame (1006)" }
        return "a close frame \(self.code)" + (self.reason.isEmpty ? "" : " '\(self.reason)'")
    }
}
