/// How long one connection phase took in a `check` run.
package struct PhaseTiming: Sendable, Hashable, Codable {
    /// `dns`, `tcp_connect`, `tls_handshake`, `ws_upgrade`, `first_message`, `close_handshake`.
    package var phase: String
    /// Duration in milliseconds.
    package var milliseconds: Double

    package init(phase: String, milliseconds: Double) {
        self.phase = phase
        self.milliseconds = milliseconds
    }
}
