/// How a routing-matrix request differs from the scenario's target request (also used as the
/// conditions of an embedded rule). Absent fields keep the target's values.
package struct RouteRequest: Sendable, Hashable {
    /// `Host` header (and TLS SNI unless `tls.serverName` is set).
    package var host: String?
    /// Request path, starting with `/`.
    package var path: String?
    /// Query parameters added to (or replacing) the target's.
    package var query: [KeyValue]
    /// Headers added to (or replacing) the target's.
    package var headers: [KeyValue]
    package var cookies: [KeyValue]
    /// Request method; RFC 6455 §4.1 requires GET, other methods test how the ALB treats them.
    package var method: String?
    /// The `Upgrade` header's exact spelling, e.g. `WebSocket` (RFC 6455 §4.2.1: case-insensitive).
    package var upgradeHeader: String?

    package init(
        host: String? = nil,
        path: String? = nil,
        query: [KeyValue] = [],
        headers: [KeyValue] = [],
        cookies: [KeyValue] = [],
        method: String? = nil,
        upgradeHeader: String? = nil
    ) {
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.method = method
        self.upgradeHeader = upgradeHeader
    }
}
