/// How `wsprobe alb scenario` turns forwarding rules into a routing matrix.
package struct ScenarioGenerationOptions: Sendable, Hashable {
    /// How a target group's targets are named in `expect.targets`.
    package enum IdentityStyle: String, Sendable, Hashable, CaseIterable {
        /// `ip:port` of every target that takes new connections (the default; edit to what your backends report).
        case address
        /// The target group's name (or ID), for backends that report their group.
        case group
    }

    /// The `target.url` of the scenario; nil: `wss://listenerIp:listenerPort/` of the forwarding rule.
    package var baseURL: String?
    /// Which forwarding rule (ID or name) to use when the files hold several.
    package var forwardingRule: String?
    /// How targets are named.
    package var identity: IdentityStyle = .address
    /// The status expected when no rule matches. IONOS does not document it; 404 is what the wsprobe test
    /// stand-ins answer. Edit it to what your load balancer answers.
    package var noMatchStatus = 404
    /// The response header carrying the target identity (`identity.header` of the scenario).
    package var identityHeader = "X-Wsprobe-Target"
    /// The scenario's `name`; nil: `alb-routes-<forwarding rule name>`.
    package var name: String?

    package init() {}
}
