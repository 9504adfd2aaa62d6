/// Per-phase time limits. Defaults are generous enough for a loaded ALB yet short enough that a dead
/// target is reported within seconds rather than at the kernel's TCP timeout (minutes).
package struct Timeouts: Sendable, Hashable {
    /// DNS resolution (default 5 s).
    package var dns: Duration
    /// TCP connect (default 5 s).
    package var connect: Duration
    /// TLS handshake (default 5 s).
    package var tls: Duration
    /// From sending the upgrade request to a validated 101 (default 5 s).
    package var upgrade: Duration
    /// Waiting for the peer's close frame after ours (RFC 6455 §7.1.1; default 5 s).
    package var close: Duration

    package init(
        dns: Duration = .seconds(5),
        connect: Duration = .seconds(5),
        tls: Duration = .seconds(5),
        upgrade: Duration = .seconds(5),
        close: Duration = .seconds(5)
    ) {
        self.dns = dns
        self.connect = connect
        self.tls = tls
        self.upgrade = upgrade
        self.close = close
    }
}
