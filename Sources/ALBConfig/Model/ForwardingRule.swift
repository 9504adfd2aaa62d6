/// An ALB forwarding rule (`.../applicationloadbalancers/{id}/forwardingrules/{id}`): one listener and its
/// ordered HTTP rules.
package struct ForwardingRule: Sendable, Hashable {
    /// IONOS's documented default for `clientTimeout` when the member is absent: 50 000 ms (50 s).
    package static let defaultClientTimeoutMilliseconds = 50_000

    /// The resource ID (`id`).
    package var id: String?
    /// The ALB the rule belongs to, when it was embedded in an ALB document.
    package var loadBalancerID: String?
    /// `properties.name`.
    package var name: String?
    /// `properties.protocol`; only `HTTP` is documented.
    package var protocolName: String?
    /// `properties.listenerIp`.
    package var listenerIp: String?
    /// `properties.listenerPort` (1–65535).
    package var listenerPort: Int?
    /// `properties.clientTimeout` in milliseconds as written; nil when absent.
    ///
    /// "The maximum time in milliseconds to wait for the client to acknowledge or send data": the ALB's
    /// only idle timeout, so it bounds how long a WebSocket may stay silent.
    package var clientTimeout: Int?
    /// `properties.serverCertificates`: Certificate Manager IDs.
    package var serverCertificates: [String]
    /// `properties.httpRules` in the order written (IONOS evaluates non-FORWARD rules first).
    package var httpRules: [HTTPRule]
    /// Where the resource object is in its file.
    package var source: SourceLocation

    package init(
        id: String?,
        loadBalancerID: String?,
        name: String?,
        protocolName: String?,
        listenerIp: String?,
        listenerPort: Int?,
        clientTimeout: Int?,
        serverCertificates: [String],
        httpRules: [HTTPRule],
        source: SourceLocation
    ) {
        self.id = id
        self.loadBalancerID = loadBalancerID
        self.name = name
        self.protocolName = protocolName
        self.listenerIp = listenerIp
        self.listenerPort = listenerPort
        self.clientTimeout = clientTimeout
        self.serverCertificates = serverCertificates
        self.httpRules = httpRules
        self.source = source
    }

    /// The timeout the ALB applies: `clientTimeout`, or 50 000 ms when it is absent.
    package var effectiveClientTimeout: Int {
        clientTimeout ?? Self.defaultClientTimeoutMilliseconds
    }

    /// A short human name: `"wss-listener"` or the ID.
    package var displayName: String {
        name.map { "\"\($0)\"" } ?? id ?? "forwarding rule"
    }
}
