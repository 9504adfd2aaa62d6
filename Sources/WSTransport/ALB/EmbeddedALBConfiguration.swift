package import NIOCore
import WSProtocol

/// Everything `EmbeddedALB` needs: the targets, the rules, the idle timeout, the scheduled events and the
/// bounds on each client's request head and backend connect.
package struct EmbeddedALBConfiguration: Sendable {
    /// The default time a client has to deliver its request head: 10 s, as the echo server allows.
    package static let defaultHeadTimeout = TimeAmount.seconds(10)
    /// The default backend connect timeout: 2 s, ample on loopback, where a refusal is immediate.
    package static let defaultConnectTimeout = TimeAmount.seconds(2)

    /// The targets, one echo server each; ids are unique.
    package var targets: [ALBTarget]
    /// Rules tried in order; empty forwards every request to all targets by weight.
    package var rules: [ALBRule]
    /// Tunnels with no bytes in either direction for this long are closed without a close frame; nil: never.
    package var idleTimeout: TimeAmount?
    /// Events the runner fires during the run (`EmbeddedALB.runEvents()`).
    package var events: [ALBEvent]
    /// The response header in which each target names itself.
    package var identityHeaderName: String
    /// Subprotocols the targets speak.
    package var subprotocols: [String]
    /// The largest request head accepted; a larger one is answered 431.
    package var headLimit: Int
    /// How long a client may take to deliver its request head; then it is answered 408 and closed.
    package var headTimeout: TimeAmount
    /// How long a backend connect may take; then the client is answered 504.
    package var connectTimeout: TimeAmount
    /// When set, the listener terminates TLS with these files (an HTTPS listener); targets stay plain.
    package var tls: EchoServerTLS?

    package init(
        targets: [ALBTarget],
        rules: [ALBRule] = [],
        idleTimeout: TimeAmount? = nil,
        events: [ALBEvent] = [],
        identityHeaderName: String = EchoServerConfiguration.defaultIdentityHeaderName,
        subprotocols: [String] = [],
        headLimit: Int = UpgradeRequestParser.defaultHeadLimit,
        headTimeout: TimeAmount = EmbeddedALBConfiguration.defaultHeadTimeout,
        connectTimeout: TimeAmount = EmbeddedALBConfiguration.defaultConnectTimeout,
        tls: EchoServerTLS? = nil
    ) {
        self.targets = targets
        self.rules = rules
        self.idleTimeout = idleTimeout
        self.events = events
        self.identityHeaderName = identityHeaderName
        self.subprotocols = subprotocols
        self.headLimit = headLimit
        self.headTimeout = headTimeout
        self.connectTimeout = connectTimeout
        self.tls = tls
    }

    /// The echo server configuration of the target `id`.
    func echoConfiguration(for id: String) -> EchoServerConfiguration {
        EchoServerConfiguration(
            identity: id,
            identityHeaderName: self.identityHeaderName,
            subprotocols: self.subprotocols
        )
    }

    /// Checks ids, weights, rule references and events.
    /// - Throws: `EmbeddedALBError.configuration` naming the first problem.
    func validate() throws(EmbeddedALBError) {
        let ids = self.targets.map(\.id)
        guard !ids.isEmpty else { throw .configuration("the embedded ALB needs at least one target") }
        guard Set(ids).count == ids.count else { throw .configuration("embedded target ids must be unique") }
        guard self.targets.allSatisfy({ $0.weight >= 0 }) else {
            throw .configuration("embedded target weights must not be negative")
        }
        let known = Set(ids)
        for rule in self.rules {
            if case .forward(let forward) = rule.action, let unknown = forward.first(where: { !known.contains($0) }) {
                throw .configuration("rule \(rule.name ?? "(unnamed)") forwards to unknown target '\(unknown)'")
            }
            if case .status(let code) = rule.action, !(100...599).contains(code) {
                throw .configuration("rule \(rule.name ?? "(unnamed)") answers status \(code), not 100–599")
            }
        }
        if let event = self.events.first(where: { !known.contains($0.target) }) {
            throw .configuration("an event names unknown target '\(event.target)'")
        }
        guard self.headLimit > 0 else { throw .configuration("the head limit must be positive") }
    }
}
