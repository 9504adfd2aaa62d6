package import NIOCore
package import TLSOpenSSL
package import WSDeflate
package import WSProtocol

/// What opening a WebSocket established: addresses, phase timings, the exchange and what was negotiated.
package struct ConnectionInfo: Sendable {
    /// Every address the host resolved to (one for IP literals and `--resolve`).
    package var resolvedAddresses: [SocketAddress]
    /// The address dialled.
    package var remoteAddress: SocketAddress
    /// The local end of the TCP connection.
    package var localAddress: SocketAddress?
    /// Monotonic marks of each phase.
    package var timings: PhaseTimings
    /// The upgrade request sent.
    package var request: UpgradeRequest
    /// The validated 101 response with the negotiated subprotocol and extensions.
    package var response: NegotiatedUpgrade
    /// The TLS session, for wss.
    package var tls: TLSSessionInfo?
    /// The permessage-deflate parameters in force, if negotiated.
    package var deflate: DeflateParameters?
}

/// Why opening failed, with whatever was learnt before the failure (for a diagnosis that names the phase).
package struct ConnectFailure: Error, Sendable, CustomStringConvertible {
    /// The error, by phase.
    package var error: ConnectError
    /// Marks of the phases that completed.
    package var timings: PhaseTimings
    /// Addresses resolved before the failure.
    package var resolvedAddresses: [SocketAddress] = []
    /// The address dialled, if any.
    package var remoteAddress: SocketAddress?
    /// The TLS session, when TLS completed before the failure.
    package var tls: TLSSessionInfo?
    /// The upgrade request, when it was sent.
    package var request: UpgradeRequest?

    package init(error: ConnectError, timings: PhaseTimings) {
        self.error = error
        self.timings = timings
    }

    package var description: String { self.error.description }
}
