/// User inbound event fired by `TLSClientHandler` and `TLSServerHandler` once the handshake completes.
///
/// It is fired on the event loop, in the same call that processed the peer's last handshake bytes, before any
/// buffered application data is written or decrypted data is delivered: the transport stamps the TLS phase
/// time when it sees this event.
package struct TLSHandshakeCompleted: Sendable, Hashable {
    /// What the handshake negotiated.
    package var info: TLSSessionInfo

    /// The event for a session.
    package init(info: TLSSessionInfo) {
        self.info = info
    }
}
