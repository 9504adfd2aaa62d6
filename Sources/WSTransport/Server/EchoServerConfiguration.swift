package import NIOCore
package import WSDeflate
package import WSProtocol

/// Everything `EchoServer` needs to listen: address, identity, what it negotiates, limits, and misbehaviours.
///
/// A Sendable value: build it once, hand it to `EchoServer.start(configuration:group:)`.
package struct EchoServerConfiguration: Sendable {
    /// The header on every 101 (and on every HTTP answer) that names this target: `X-Wsprobe-Target`.
    package static let defaultIdentityHeaderName = "X-Wsprobe-Target"
    /// The text message that is answered with the identity instead of being echoed.
    package static let whoamiMessage = "whoami"
    /// The default backlog: 4096, so a burst of thousands of connects is queued by the kernel, not refused.
    package static let defaultBacklog: Int32 = 4096
    /// The default handshake timeout: 10 s from TCP (or TLS) accept to a complete request head. Long enough
    /// for any real client over a slow link, short enough that half-open scanners do not pile up.
    package static let defaultHandshakeTimeout = TimeAmount.seconds(10)

    /// The address to bind; default `127.0.0.1` (use `0.0.0.0` or `::` behind a load balancer).
    package var host: String
    /// The port to bind; 0 picks an ephemeral port (read it from `EchoServer.port`).
    package var port: Int
    /// The name this target reports (identity header, `whoami` answer, `/health` body).
    package var identity: String
    /// The response header that carries `identity`; default `X-Wsprobe-Target`.
    package var identityHeaderName: String
    /// Subprotocols this server speaks; it selects the client's first offered one that is in this list
    /// (RFC 6455 §4.2.2 item 5.4), or none.
    package var subprotocols: [String]
    /// How permessage-deflate offers are answered; nil declines every offer (RFC 7692 §5).
    package var deflate: DeflateServerPolicy?
    /// TLS on the listener; nil for plain TCP.
    package var tls: EchoServerTLS?
    /// Frame and message size limits for what clients send (RFC 6455 §10.4).
    package var limits: Limits
    /// The largest request head accepted; a larger one is answered 431.
    package var headLimit: Int
    /// How long a connection may take to deliver its request head; then it is closed.
    package var handshakeTimeout: TimeAmount
    /// How long to wait for the client to end TCP after the close frames (RFC 6455 §7.1.1).
    package var closeTimeout: TimeAmount
    /// The listen backlog.
    package var backlog: Int32
    /// The most connections open at once; further upgrade requests are answered 503. nil for no limit.
    package var maxConnections: Int?
    /// Deliberate misbehaviours for rehearsing failures; `.none` behaves.
    package var misbehaviour: EchoServerMisbehaviour

    /// A configuration; every parameter has the default described at its property.
    package init(
        host: String = "127.0.0.1",
        port: Int = 0,
        identity: String = "wsprobe",
        identityHeaderName: String = EchoServerConfiguration.defaultIdentityHeaderName,
        subprotocols: [String] = [],
        deflate: DeflateServerPolicy? = EchoServerConfiguration.defaultDeflatePolicy,
        tls: EchoServerTLS? = nil,
        limits: Limits = .default,
        headLimit: Int = UpgradeRequestParser.defaultHeadLimit,
        handshakeTimeout: TimeAmount = EchoServerConfiguration.defaultHandshakeTimeout,
        closeTimeout: TimeAmount = WebSocketHandler.defaultCloseTimeout,
        backlog: Int32 = EchoServerConfiguration.defaultBacklog,
        maxConnections: Int? = nil,
        misbehaviour: EchoServerMisbehaviour = .none
    ) {
        self.host = host
        self.port = port
        self.identity = identity
        self.identityHeaderName = identityHeaderName
        self.subprotocols = subprotocols
        self.deflate = deflate
        self.tls = tls
        self.limits = limits
        self.headLimit = headLimit
        self.handshakeTimeout = handshakeTimeout
        self.closeTimeout = closeTimeout
        self.backlog = backlog
        self.maxConnections = maxConnections
        self.misbehaviour = misbehaviour
    }

    /// The default deflate policy: accept the client's offer as it stands, 15-bit windows.
    package static var defaultDeflatePolicy: DeflateServerPolicy? {
        try? DeflateServerPolicy()
    }
}
