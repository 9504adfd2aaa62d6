package import NIOCore

/// The client's opening handshake request (RFC 6455 §4.1) and the values needed to check the answer.
///
/// The method is `GET` and the `Upgrade` value `websocket` unless set otherwise: a routing test may send another
/// method (`POST`, `HEAD`) or spelling (`WebSocket`) on purpose, to see what a load balancer does with it. Both are
/// written exactly as given. The request line and fields are written in a fixed order: `Host`, `Upgrade`, `Connection`,
/// `Sec-WebSocket-Key`, `Sec-WebSocket-Version`, then `Origin`, `Sec-WebSocket-Protocol` and
/// `Sec-WebSocket-Extensions` when set, then the custom headers in their order. A custom `Host` or
/// `Origin` replaces the generated one in place (useful for host-based routing rules on a load balancer).
package struct UpgradeRequest: Sendable, Equatable {
    /// Host name or IP literal (an IPv6 literal may be given with or without brackets).
    package var host: String
    /// TCP port.
    package var port: Int
    /// Whether the scheme is `wss` (default port 443) rather than `ws` (default port 80).
    package var isSecure: Bool
    /// The request target: path and optional `?query`, starting with `/`.
    package var target: String
    /// The `Origin` header, if any (RFC 6455 §4.1 item 8 makes it optional for non-browser clients).
    package var origin: String?
    /// Extra header fields, sent after the standard ones in this order.
    package var headers: HTTPHeaderFields
    /// Offered subprotocols in order of preference (RFC 6455 §4.1 item 10).
    package var subprotocols: [String]
    /// Offered extensions in order of preference (RFC 6455 §4.1 item 11).
    package var extensions: [WebSocketExtension]
    /// The `Sec-WebSocket-Key`.
    package var key: String
    /// The request method, an HTTP token (RFC 9110 §9.1); RFC 6455 §4.1 requires `GET`, which is the default.
    package var method: String
    /// The `Upgrade` value as written: a protocol (RFC 9110 §7.8, `name` or `name/version`, tokens), `websocket`
    /// by default. Servers compare it with "websocket" ignoring case (RFC 6455 §4.2.1 item 3); any other protocol
    /// is not a WebSocket upgrade, and a 101 to it fails the response checks of `validate(_:)`.
    package var upgrade: String

    /// A request with the given key.
    /// - Throws: `.invalidRequest` when a value cannot appear in an HTTP/1.1 head.
    package init(
        host: String,
        port: Int,
        isSecure: Bool,
        target: String = "/",
        origin: String? = nil,
        headers: HTTPHeaderFields = [:],
        subprotocols: [String] = [],
        extensions: [WebSocketExtension] = [],
        method: String = UpgradeRequest.defaultMethod,
        upgrade: String = UpgradeRequest.defaultUpgrade,
        key: String
    ) throws(HandshakeError) {
        self.host = host
        self.port = port
        self.isSecure = isSecure
        self.target = target.isEmpty ? "/" : target
        self.origin = origin
        self.headers = headers
        self.subprotocols = subprotocols
        self.extensions = extensions
        self.key = key
        self.method = method
        self.upgrade = upgrade
        try self.checkRequest()
    }

    /// A request with a fresh key drawn from `generator` (RFC 6455 §4.1: a new key per connection).
    /// - Throws: `.invalidRequest` when a value cannot appear in an HTTP/1.1 head.
    package init(
        host: String,
        port: Int,
        isSecure: Bool,
        target: String = "/",
        origin: String? = nil,
        headers: HTTPHeaderFields = [:],
        subprotocols: [String] = [],
        extensions: [WebSocketExtension] = [],
        method: String = UpgradeRequest.defaultMethod,
        upgrade: String = UpgradeRequest.defaultUpgrade,
        using generator: inout some RandomNumberGenerator
    ) throws(HandshakeError) {
        try self.init(
            host: host,
            port: port,
            isSecure: isSecure,
            target: target,
            origin: origin,
            headers: headers,
            subprotocols: subprotocols,
            extensions: extensions,
            method: method,
            upgrade: upgrade,
            key: AcceptKey.makeKey(using: &generator)
        )
    }

    /// The method RFC 6455 §4.1 requires.
    package static let defaultMethod = "GET"
    /// The `Upgrade` value RFC 6455 §4.1 requires, in its usual lower-case spelling.
    package static let defaultUpgrade = "websocket"

    /// The `Sec-WebSocket-Accept` value a correct server answers with.
    package var expectedAccept: String {
        AcceptKey.accept(for: self.key)
    }

    /// The `Host` value: the port only when it is not the scheme's default (RFC 9110 §7.2), IPv6 in brackets.
    package var hostHeaderValue: String {
        let name = self.host.contains(":") && !self.host.hasPrefix("[") ? "[\(self.host)]" : self.host
        let defaultPort = self.isSecure ? 443 : 80
        return self.port == defaultPort ? name : "\(name):\(self.port)"
    }

    /// Every header field of the request, in the order they are written.
    package var headerFields: HTTPHeaderFields {
        var fields: HTTPHeaderFields = [
            "Host": self.hostHeaderValue,
            "Upgrade": self.upgrade,
            "Connection": "Upgrade",
            "Sec-WebSocket-Key": self.key,
            "Sec-WebSocket-Version": "13",
        ]
        if let origin = self.origin { fields.append(name: "Origin", value: origin) }
        if !self.subprotocols.isEmpty {
            fields.append(name: "Sec-WebSocket-Protocol", value: self.subprotocols.joined(separator: ", "))
        }
        if !self.extensions.isEmpty {
            fields.append(name: "Sec-WebSocket-Extensions", value: ExtensionHeader.format(self.extensions))
        }
        var result = HTTPHeaderFields()
        var replaced: Set<String> = []
        for field in fields {
            let lowered = field.name.lowercased()
            if lowered == "host" || lowered == "origin", let custom = self.headers[field.name] {
                result.append(name: field.name, value: custom)
                replaced.insert(lowered)
            } else {
                result.append(name: field.name, value: field.value)
            }
        }
        for field in self.headers where !replaced.contains(field.name.lowercased()) {
            result.append(name: field.name, value: field.value)
        }
        return result
    }

    /// The request line as sent, without its CRLF: `GET /chat?room=1 HTTP/1.1`.
    package var requestLine: String {
        "\(self.method) \(self.target) HTTP/1.1"
    }

    /// Appends the request head (request line, fields, empty line) to `buffer`.
    package func write(into buffer: inout ByteBuffer) {
        buffer.writeString(self.requestLine)
        buffer.writeString("\r\n")
        for field in self.headerFields {
            buffer.writeString(field.name)
            buffer.writeString(": ")
            buffer.writeString(field.value)
            buffer.writeString("\r\n")
        }
        buffer.writeString("\r\n")
    }
}

extension UpgradeRequest {
    /// A request for `url` with a fresh key drawn from `generator`.
    /// - Throws: `.invalidRequest` when a value cannot appear in an HTTP/1.1 head.
    package init(
        url: WebSocketURL,
        origin: String? = nil,
        headers: HTTPHeaderFields = [:],
        subprotocols: [String] = [],
        extensions: [WebSocketExtension] = [],
        method: String = UpgradeRequest.defaultMethod,
        upgrade: String = UpgradeRequest.defaultUpgrade,
        using generator: inout some RandomNumberGenerator
    ) throws(HandshakeError) {
        try self.init(
            host: url.host,
            port: url.port,
            isSecure: url.isSecure,
            target: url.target,
            origin: origin,
            headers: headers,
            subprotocols: subprotocols,
            extensions: extensions,
            method: method,
            upgrade: upgrade,
            using: &generator
        )
    }
}
