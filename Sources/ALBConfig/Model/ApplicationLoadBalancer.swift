/// An IONOS application load balancer (`/datacenters/{id}/applicationloadbalancers/{id}`), Cloud API v6.
///
/// Its forwarding rules, when the document embeds them under `entities.forwardingrules` (`?depth=2` or
/// more), are lifted into `ALBConfiguration.forwardingRules` with `loadBalancerID` set.
package struct ApplicationLoadBalancer: Sendable, Hashable {
    /// The resource ID (`id`), when the document has one.
    package var id: String?
    /// `properties.name`.
    package var name: String?
    /// `properties.listenerLan`: the inbound LAN.
    package var listenerLan: Int?
    /// `properties.targetLan`: the private outbound LAN the targets live in.
    package var targetLan: Int?
    /// `properties.ips`: the listener addresses (public IPs for a public ALB).
    package var ips: [String]
    /// `properties.lbPrivateIps`: CIDRs on the target LAN; IONOS generates a /24 when omitted.
    package var lbPrivateIps: [String]
    /// Where the object is in its file.
    package var source: SourceLocation

    package init(
        id: String?,
        name: String?,
        listenerLan: Int?,
        targetLan: Int?,
        ips: [String],
        lbPrivateIps: [String],
        source: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.listenerLan = listenerLan
        self.targetLan = targetLan
        self.ips = ips
        self.lbPrivateIps = lbPrivateIps
        self.source = source
    }
}
