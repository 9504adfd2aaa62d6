/// The conditions of an emulated forwarding rule; every condition given must hold, and an empty match
/// matches every request (like an ALB rule without conditions).
package struct ALBMatch: Sendable, Hashable {
    /// One `name: value` condition (query parameter, header or cookie).
    package struct Pair: Sendable, Hashable {
        package var name: String
        package var value: String

        package init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The `Host` header's host, compared case-insensitively and without its port (RFC 9110 §4.2.3).
    package var host: String?
    /// The path: exact, or a glob in which `*` stands for any run of characters and `?` for one.
    package var path: String?
    /// Query parameters that must be present with exactly this (percent-decoded) value.
    package var query: [Pair]
    /// Headers (name case-insensitive, RFC 9110 §5.1) that must carry exactly this value.
    package var headers: [Pair]
    /// Cookies from `Cookie` (RFC 6265 §5.4) that must carry exactly this value.
    package var cookies: [Pair]
    /// The request method, exactly (methods are case-sensitive, RFC 9110 §9.1).
    package var method: String?
    /// The `Upgrade` header's exact spelling.
    package var upgradeHeader: String?

    package init(
        host: String? = nil,
        path: String? = nil,
        query: [Pair] = [],
        headers: [Pair] = [],
        cookies: [Pair] = [],
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
