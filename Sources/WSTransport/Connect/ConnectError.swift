package import ResultCodes
package import TLSOpenSSL
package import WSProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why opening a WebSocket failed, by phase; wraps the lower layers' errors rather than erasing them.
package enum ConnectError: Error, Sendable {
    /// The URL given on the command line or in a scenario is not a usable ws/wss URL.
    case invalidURL(String, reason: String)
    /// A `--resolve` entry is malformed.
    case invalidResolve(String, reason: String)
    /// Name resolution failed.
    case dns(host: String, reason: String)
    /// The TCP connection was refused, unreachable or failed otherwise.
    case tcp(address: String, reason: String, errno: Int32?)
    /// A phase did not finish within its timeout.
    case timeout(phase: ConnectionPhase, after: Int64)
    /// The TLS handshake or certificate verification failed.
    case tls(TLSError)
    /// The server's answer to the upgrade request was not an acceptable 101.
    case handshake(HandshakeError)
    /// The peer closed the TCP connection before the phase completed.
    case closedDuring(phase: ConnectionPhase)
    /// permessage-deflate was negotiated but zlib could not set it up.
    case deflateSetup(String)
    /// No local address could be bound (ephemeral ports exhausted, or a bad `--source`).
    case localAddress(String, reason: String)

    /// The stable, dotted identifier reported in every output.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .invalidURL: .usageURL
        case .invalidResolve: .usageResolve
        case .dns: .dnsFailed
        case .tcp(_, _, let errno):
            switch errno {
            case .some(ECONNREFUSED): .tcpRefused
            case .some(EHOSTUNREACH), .some(ENETUNREACH): .tcpUnreachable
            case .some(ECONNRESET): .tcpReset
            case .some(EADDRNOTAVAIL): .tcpNoLocalPort
            default: .tcpFailed
            }
        case .timeout(let phase, _): .timeout(in: phase)
        case .tls(let error): error.errorCode
        case .handshake(let error): error.errorCode
        case .closedDuring(let phase): .closed(during: phase)
        case .localAddress: .tcpLocalAddress
        case .deflateSetup: .deflateSetupFailed
        }
    }

    /// The phase the failure belongs to.
    package var phase: ConnectionPhase {
        switch self {
        case .invalidURL, .invalidResolve, .dns: .dns
        case .tcp, .localAddress: .tcp
        case .deflateSetup: .upgrade
        case .timeout(let phase, _): phase
        case .tls: .tls
        case .handshake: .upgrade
        case .closedDuring(let phase): phase
        }
    }
}

extension ConnectError: CustomStringConvertible {
    /// A diagnosis for a person.
    package var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            "'\(url)' is not a usable WebSocket URL: \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason)."
        case .invalidResolve(let text, let reason):
            "--resolve '\(text)' is malformed: \(reason)."
        case .dns(let host, let reason):
            "Could not resolve '\(host)': \(reason)."
        case .tcp(let address, let reason, let errno):
            switch errno {
            case .some(ECONNREFUSED):
                "Connection to \(address) was refused: nothing listens there, or a firewall rejects it."
            case .some(EADDRNOTAVAIL):
                "No local port was free to connect to \(address): spread connections over more source addresses."
            default:
                "TCP connection to \(address) failed: \(reason)."
            }
        case .timeout(let phase, let nanoseconds):
            "Timed out after \(Self.milliseconds(nanoseconds)) in the \(phase.rawValue) phase"
                + Self.timeoutHint(phase)
        case .tls(let error):
            error.description
        case .handshake(let error):
            error.description
        case .closedDuring(let phase):
            "The server closed the connection during the \(phase.rawValue) phase"
                + (phase == .upgrade ? " before answering the upgrade request (a proxy that drops upgrades?)." : ".")
        case .deflateSetup(let reason):
            "permessage-deflate was negotiated but could not be set up: \(reason)."
        case .localAddress(let address, let reason):
            "Could not bind the local address \(address): \(reason)."
        }
    }

    private static func milliseconds(_ nanoseconds: Int64) -> String {
        let value = Double(nanoseconds) / 1_000_000
        return value >= 1000 ? "\(Double(Int(value / 100)) / 10) s" : "\(Int(value)) ms"
    }

    private static func timeoutHint(_ phase: ConnectionPhase) -> String {
        switch phase {
        case .dns: ": the resolver did not answer."
        case .tcp: ": no SYN-ACK came back (a filtered port or a wrong address?)."
        case .tls: ": the server accepted TCP but did not finish TLS (is it really a TLS port?)."
        case .upgrade: ": the server did not answer the upgrade request (a proxy buffering the request?)."
        case .open: ": no message came back."
        case .close: ": the peer did not finish the closing handshake."
        }
    }
}
