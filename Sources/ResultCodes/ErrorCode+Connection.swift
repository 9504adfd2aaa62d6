extension ErrorCode {
    /// The target's host name did not resolve.
    package static let dnsFailed = ErrorCode("dns.failed", .dns, "the target's host name did not resolve")
    /// The URL given on the command line or in a scenario is not a usable ws/wss URL.
    package static let usageURL = ErrorCode(
        "usage.url",
        .dns,
        "the URL is not a usable ws:// or wss:// URL",
        exitStatus: 2
    )
    /// A `--resolve` entry is malformed.
    package static let usageResolve = ErrorCode(
        "usage.resolve",
        .dns,
        "a `--resolve` entry is malformed",
        exitStatus: 2
    )
    /// ECONNREFUSED.
    package static let tcpRefused = ErrorCode(
        "tcp.refused",
        .tcp,
        "the connection was refused: nothing listens there, or a firewall rejects it"
    )
    /// EHOSTUNREACH or ENETUNREACH.
    package static let tcpUnreachable = ErrorCode("tcp.unreachable", .tcp, "no route to the target's host or network")
    /// ECONNRESET while connecting.
    package static let tcpReset = ErrorCode("tcp.reset", .tcp, "the connection was reset while it was being opened")
    /// EADDRNOTAVAIL: the ephemeral ports of the source address are used up.
    package static let tcpNoLocalPort = ErrorCode(
        "tcp.no-local-port",
        .tcp,
        "no local port was free: spread connections over more source addresses"
    )
    /// Any other TCP failure.
    package static let tcpFailed = ErrorCode(
        "tcp.failed",
        .tcp,
        "the TCP connection failed for another reason (the message has it)"
    )
    /// The local (`--source`) address could not be bound.
    package static let tcpLocalAddress = ErrorCode(
        "tcp.local-address",
        .tcp,
        "the local (`--source`) address could not be bound"
    )

    package static let timeoutDNS = ErrorCode("timeout.dns", .dns, "the resolver did not answer within the dns timeout")
    package static let timeoutTCP = ErrorCode("timeout.tcp", .tcp, "no SYN-ACK came back within the connect timeout")
    package static let timeoutTLS = ErrorCode(
        "timeout.tls",
        .tls,
        "the TLS handshake did not finish within the tls timeout"
    )
    package static let timeoutUpgrade = ErrorCode(
        "timeout.upgrade",
        .upgrade,
        "the upgrade request was not answered within the upgrade timeout"
    )
    package static let timeoutOpen = ErrorCode(
        "timeout.open",
        .open,
        "an echo or a ping was not answered in time on the open connection"
    )
    package static let timeoutClose = ErrorCode(
        "timeout.close",
        .close,
        "the peer did not finish the closing handshake within the close timeout"
    )

    package static let closedTCP = ErrorCode(
        "closed.tcp",
        .tcp,
        "the peer closed the TCP connection before it was established"
    )
    package static let closedTLS = ErrorCode(
        "closed.tls",
        .tls,
        "the peer closed the connection during the TLS handshake"
    )
    package static let closedUpgrade = ErrorCode(
        "closed.upgrade",
        .upgrade,
        "the server closed the connection before answering the upgrade request"
    )
    package static let closedOpen = ErrorCode(
        "closed.open",
        .open,
        "the server ended the connection (close frame or TCP FIN) before the check finished"
    )
    /// The server reset the open connection (RST) without a close frame.
    package static let resetOpen = ErrorCode(
        "reset.open",
        .open,
        "the server reset the connection (RST, no close frame) before the check finished"
    )

    /// The code of a phase that did not finish within its timeout.
    package static func timeout(in phase: Phase) -> ErrorCode {
        switch phase {
        case .dns: .timeoutDNS
        case .tcp: .timeoutTCP
        case .tls: .timeoutTLS
        case .upgrade: .timeoutUpgrade
        case .open: .timeoutOpen
        case .close: .timeoutClose
        }
    }

    /// The code of a connection the peer closed before `phase` completed (no DNS or close variant: the
    /// resolver has no connection, and a close during the closing handshake is the handshake's end).
    package static func closed(during phase: Phase) -> ErrorCode {
        switch phase {
        case .dns, .tcp: .closedTCP
        case .tls: .closedTLS
        case .upgrade: .closedUpgrade
        case .open, .close: .closedOpen
        }
    }
}

extension ErrorCodeFamily {
    /// Opening the connection: DNS, TCP, timeouts and early closes (`ConnectError`, check).
    package static let connection = ErrorCodeFamily(
        title: "Connection",
        summary: "Opening the connection and keeping it (`ConnectError`; `check`, `run` and every probe).",
        codes: [
            .usageURL, .usageResolve, .dnsFailed, .tcpRefused, .tcpUnreachable, .tcpReset, .tcpNoLocalPort,
            .tcpFailed, .tcpLocalAddress, .timeoutDNS, .timeoutTCP, .timeoutTLS, .timeoutUpgrade, .timeoutOpen,
            .timeoutClose, .closedTCP, .closedTLS, .closedUpgrade, .closedOpen, .resetOpen,
        ]
    )
}
