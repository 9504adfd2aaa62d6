/// Where and how to connect: the URL and everything about the upgrade request and the socket.
package struct Target: Sendable, Hashable {
    /// `ws://` or `wss://` URL; `nil` means wsprobe starts its embedded echo target(s) on loopback.
    package var url: String?
    /// Extra request headers, in file order (RFC 7230 field names, case-insensitive).
    package var headers: [KeyValue]
    /// Cookies sent in one `Cookie` header, in file order.
    package var cookies: [KeyValue]
    /// Query parameters appended to the URL, in file order.
    package var query: [KeyValue]
    /// `Sec-WebSocket-Protocol` offer, in preference order (RFC 6455 §4.1 item 10).
    package var subprotocols: [String]
    /// The permessage-deflate offer (RFC 7692); `nil` offers nothing.
    package var deflate: DeflateOffer?
    package var tls: TLSOptions
    /// curl-style `host:port:address` overrides applied before DNS.
    package var resolve: [ResolveOverride]
    /// Local addresses to bind, spread round-robin so ephemeral ports do not run out; empty = any.
    package var source: [String]
    package var timeouts: Timeouts
    /// The embedded targets started when `url` is absent; `nil` means one plain echo target.
    package var embedded: EmbeddedTargets?

    package init(
        url: String? = nil,
        headers: [KeyValue] = [],
        cookies: [KeyValue] = [],
        query: [KeyValue] = [],
        subprotocols: [String] = [],
        deflate: DeflateOffer? = nil,
        tls: TLSOptions = TLSOptions(),
        resolve: [ResolveOverride] = [],
        source: [String] = [],
        timeouts: Timeouts = Timeouts(),
        embedded: EmbeddedTargets? = nil
    ) {
        self.url = url
        self.headers = headers
        self.cookies = cookies
        self.query = query
        self.subprotocols = subprotocols
        self.deflate = deflate
        self.tls = tls
        self.resolve = resolve
        self.source = source
        self.timeouts = timeouts
        self.embedded = embedded
    }
}
