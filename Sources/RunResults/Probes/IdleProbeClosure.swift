/// How the peer closed an idle connection.
package struct IdleProbeClosure: Sendable, Hashable, Codable {
    /// How TCP ended when no close frame came.
    package enum TCPEnd: String, Sendable, Hashable, Codable {
        /// An orderly end (FIN), as HAProxy's and nginx's timeouts do by default.
        case fin
        /// A reset (RST), as a load balancer that aborts idle flows does.
        case rst
        /// This side ended it (e.g. after a protocol error), not the peer.
        case local
    }

    /// The close code received: 1006 when TCP ended (FIN or RST) without a close frame.
    package var code: Int
    /// The reason of the close frame, empty when none.
    package var reason: String
    /// True when a close frame arrived (code ≠ 1006).
    package var closeFrame: Bool
    /// RFC 6455 §7.1.4: close frames were both sent and received.
    package var wasClean: Bool
    /// Without a close frame: whether TCP ended with a FIN or a RST (absent in results of older versions).
    package var tcpEnd: TCPEnd?

    package init(code: Int, reason: String, closeFrame: Bool, wasClean: Bool, tcpEnd: TCPEnd? = nil) {
        self.code = code
        self.reason = reason
        self.closeFrame = closeFrame
        self.wasClean = wasClean
        self.tcpEnd = tcpEnd
    }

    /// `a close frame 1001 'idle'`, or `TCP FIN without a close frame (1006)` (RST, or FIN or RST when unknown).
    package var summary: String {
        guard self.closeFrame else {
            let end =
                switch self.tcpEnd {
                case .fin: "TCP FIN"
                case .rst: "TCP RST"
                case .local, nil: "TCP ended (FIN or RST)"
                }
            return "\(end) without a close frame (1006)"
        }
        return "a close frame \(self.code)" + (self.reason.isEmpty ? "" : " '\(self.reason)'")
    }
}
