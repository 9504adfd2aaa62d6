package import NIOCore
package import Scenario
import WSProtocol
package import WSTransport

/// Everything `EmbeddedALB` needs: the scenario's embedded targets as they are (targets, rules, idle timeout,
/// events, identity header), the subprotocols the targets speak, the listener's TLS files, and the bounds on
/// each client's request head and backend connect.
package struct EmbeddedALBConfiguration: Sendable {
    /// The default time a client has to deliver its request head: 10 s, as the echo server allows.
    package static let defaultHeadTimeout = TimeAmount.seconds(10)
    /// The default backend connect timeout: 2 s, ample on loopback, where a refusal is immediate.
    package static let defaultConnectTimeout = TimeAmount.seconds(2)

    /// The targets (ids unique), the rules tried in order (none: every request goes to all targets by
    /// weight), the tunnel idle timeout, the events the runner fires (`EmbeddedALB.runEvents()`) and the
    /// identity header. Its `tls` flag is the caller's: it makes the certificate and passes the files as `tls`.
    package var embedded: EmbeddedTargets
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
        _ embedded: EmbeddedTargets,
        subprotocols: [String] = [],
        headLimit: Int = UpgradeRequestParser.defaultHeadLimit,
        headTimeout: TimeAmount = EmbeddedALBConfiguration.defaultHeadTimeout,
        connectTimeout: TimeAmount = EmbeddedALBConfiguration.defaultConnectTimeout,
        tls: EchoServerTLS? = nil
    ) {
        self.embedded = embedded
        self.subprotocols = subprotocols
        self.headLimit = headLimit
        self.headTimeout = headTimeout
        self.connectTimeout = connectTimeout
        self.tls = tls
    }

    /// Tunnels with no bytes in either direction for this long are closed without a close frame; nil: never.
    /// The scenario's `Duration`, truncated to nanoseconds and saturating at the largest `TimeAmount`.
    var idleTimeout: TimeAmount? { self.embedded.idleTimeout.map { TimeAmount($0) } }

    /// The echo server configuration of the target `id`.
    func echoConfiguration(for id: String) -> EchoServerConfiguration {
        EchoServerConfiguration(
            identity: id,
            identityHeaderName: self.embedded.identityHeader,
            subprotocols: self.subprotocols
        )
    }

    /// Checks ids, weights, rule references and events.
    /// - Throws: `EmbeddedALBError.configuration` naming the first problem.
    func validate() throws(EmbeddedALBError) {
        let ids = self.embedded.targets.map(\.id)
        guard !ids.isEmpty else { throw .configuration("the embedded ALB needs at least one target") }
        guard Set(ids).count == ids.count else { throw .configuration("embedded target ids must be unique") }
        guard self.embedded.targets.allSatisfy({ $0.weight >= 0 }) else {
            throw .configuration("embedded target weights must not be negative")
        }
        let known = Set(ids)
        for rule in self.embedded.rules {
            if case .forward(let forward) = rule.action, let unknown = forward.first(where: { !known.contains($0) }) {
                throw .configuration("rule \(rule.name ?? "(unnamed)") forwards to unknown target '\(unknown)'")
            }
            if case .status(let code) = rule.action, !(100...599).contains(code) {
                throw .configuration("rule \(rule.name ?? "(unnamed)") answers status \(code), not 100–599")
            }
        }
        if let event = self.embedded.events.first(where: { !known.contains($0.target) }) {
            throw .configuration("an event names unknown target '\(event.target)'")
        }
        guard self.headLimit > 0 else { throw .configuration("the head limit must be positive") }
    }
}
