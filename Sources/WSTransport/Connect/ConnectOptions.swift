package import NIOCore
package import TLSOpenSSL
package import WSDeflate
package import WSProtocol

/// Everything the connector needs to open one WebSocket: where, what to ask for, and how long each phase may take.
package struct ConnectOptions: Sendable {
    /// The ws/wss URL.
    package var url: WebSocketURL
    /// Extra request headers in order; a `Host` or `Origin` here replaces the generated one.
    package var headers: HTTPHeaderFields = [:]
    /// The `Origin` header, if any.
    package var origin: String?
    /// Subprotocols to offer, in order of preference.
    package var subprotocols: [String] = []
    /// The request method: `GET` (RFC 6455 §4.1) unless a routing test sends another on purpose; an HTTP token.
    package var method = UpgradeRequest.defaultMethod
    /// The `Upgrade` value exactly as written: `websocket` unless a routing test sends another spelling (e.g.
    /// `WebSocket`); see `UpgradeRequest.upgrade`.
    package var upgrade = UpgradeRequest.defaultUpgrade
    /// Fail when the server selects none of the offered subprotocols.
    package var requireSubprotocol = false
    /// The permessage-deflate offer, or nil to offer no extension.
    package var deflate: DeflateOffer?
    /// The TLS client context (required for wss; built once and shared by all connections).
    package var tls: TLSContext?
    /// The name for SNI and certificate verification; the URL's host when nil.
    package var serverName: String?
    /// curl-style `--resolve` entries: dial this address for that host and port (see `parseResolve`).
    package var resolve: [ResolveEntry] = []
    /// Per-phase timeouts.
    package var timeouts = PhaseTimeouts()
    /// Size limits for received frames and messages.
    package var limits = Limits.default
    /// How long to wait for the server to end TCP after the closing handshake.
    package var closeTimeout = WebSocketHandler.defaultCloseTimeout
    /// The local address to bind before connecting (spreading load over source addresses), if any.
    package var localAddress: SocketAddress?

    package init(url: WebSocketURL) {
        self.url = url
    }
}

/// How long each opening phase may take before the connection fails with `timeout.<phase>`.
///
/// Ten seconds each by default: long enough for a cold TLS handshake across the world, short enough that a CI
/// job learns about a dead route quickly (k6 hard-codes 60 s for the whole handshake).
package struct PhaseTimeouts: Sendable, Equatable {
    package var dns: TimeAmount = .seconds(10)
    package var tcp: TimeAmount = .seconds(10)
    package var tls: TimeAmount = .seconds(10)
    package var upgrade: TimeAmount = .seconds(10)

    package init() {}

    /// The same timeout for every phase.
    package init(all timeout: TimeAmount) {
        self.dns = timeout
        self.tcp = timeout
        self.tls = timeout
        self.upgrade = timeout
    }
}
