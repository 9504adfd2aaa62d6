/// The loopback stand-in wsprobe starts when a scenario has no URL: one or more echo targets with
/// identities and, optionally, a small ALB emulation (rules, weights, idle timeout, scheduled events).
package struct EmbeddedTargets: Sendable, Hashable {
    /// One embedded echo target.
    package struct Member: Sendable, Hashable {
        /// The identity it reports (response header and `whoami` reply).
        package var id: String
        /// Its weight in the default group (default 1; 0 receives nothing, as on an ALB).
        package var weight: Int

        package init(id: String, weight: Int = 1) {
            self.id = id
            self.weight = weight
        }
    }

    /// A forwarding rule of the emulated ALB, tried in order; the first match decides.
    package struct Rule: Sendable, Hashable {
        package var name: String?
        /// Conditions, all of which must hold; an empty request matches everything.
        package var match: RouteRequest
        package var action: Action

        package init(name: String? = nil, match: RouteRequest = RouteRequest(), action: Action) {
            self.name = name
            self.match = match
            self.action = action
        }
    }

    /// What a matching rule does (IONOS rule types FORWARD, STATIC, REDIRECT).
    package enum Action: Sendable, Hashable {
        /// Forward to these targets, balanced by their weights.
        case forward([String])
        /// Answer with this status (STATIC) and never upgrade.
        case status(Int)
        /// Answer 301 with this location.
        case redirect(String)
    }

    /// Something that happens to a target during the run (for drain scenarios).
    package struct Event: Sendable, Hashable {
        /// What happens.
        package enum Action: String, Sendable, Hashable, CaseIterable {
            /// Close its connections with 1001 (going away), as a deploy does, and refuse new ones.
            case drain
            /// Stop abruptly (connections see TCP RST, close code 1006).
            case stop
            /// Start (again).
            case start
        }

        /// Time since the start of the run.
        package var at: Duration
        package var target: String
        package var action: Action

        package init(at: Duration, target: String, action: Action) {
            self.at = at
            self.target = target
            self.action = action
        }
    }

    /// The targets; identities are unique.
    package var targets: [Member]
    /// Emulated forwarding rules; empty means every request goes to all `targets` by weight.
    package var rules: [Rule]
    /// Idle tunnel timeout of the emulated ALB (IONOS `clientTimeout`); `nil` means never.
    package var idleTimeout: Duration?
    package var events: [Event]
    /// Name of the response header carrying the identity (default `X-Wsprobe-Target`).
    package var identityHeader: String
    /// Serve TLS (`wss://`) with a throwaway certificate authority that the run trusts.
    package var tls: Bool

    package init(
        targets: [Member],
        rules: [Rule] = [],
        idleTimeout: Duration? = nil,
        events: [Event] = [],
        identityHeader: String = "X-Wsprobe-Target",
        tls: Bool = false
    ) {
        self.targets = targets
        self.rules = rules
        self.idleTimeout = idleTimeout
        self.events = events
        self.identityHeader = identityHeader
        self.tls = tls
    }

    /// The identity of the one target a scenario gets when it lists none.
    package static let defaultTargetID = "embedded"
}
