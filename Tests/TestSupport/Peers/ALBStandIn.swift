/// A running ALB stand-in (HAProxy or nginx) on 127.0.0.1 serving `ALBStandInConfiguration`'s table.
package protocol ALBStandIn: Sendable {
    /// Which proxy this is.
    var kind: ALBStandInKind { get }
    /// The plain HTTP listener (`ws://127.0.0.1:httpPort`).
    var httpPort: Int { get }
    /// The TLS listener (`wss://localhost:httpsPort`, test CA's server certificate), when configured.
    var httpsPort: Int? { get }
    /// The port `/dead` forwards to, where nothing listens.
    var deadBackendPort: Int { get }
    /// The rendered configuration file.
    var configurationPath: String { get }
    /// The running proxy process.
    var process: PeerProcess { get }
    /// Stops the proxy (idempotent).
    func stop()
}

extension ALBStandIn {
    /// `ws://127.0.0.1:httpPort/path`, or with `tls` `wss://localhost:httpsPort/path` (nil when the
    /// proxy has no TLS listener). `path` starts with `/` and may carry a query.
    package func url(_ path: String, tls: Bool = false) -> String? {
        if tls { return httpsPort.map { "wss://localhost:\($0)\(path)" } }
        return "ws://127.0.0.1:\(httpPort)\(path)"
    }
}

/// The proxies the tests use as ALB stand-ins.
package enum ALBStandInKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case haproxy
    case nginx

    package var description: String { rawValue }

    /// Starts this proxy with `configuration` and waits until its listeners accept connections.
    package func start(_ configuration: ALBStandInConfiguration) async throws -> any ALBStandIn {
        switch self {
        case .haproxy: return try await HAProxyPeer.start(configuration)
        case .nginx: return try await NginxPeer.start(configuration)
        }
    }
}
