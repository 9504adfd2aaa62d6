import TestSupport

/// The peers the client tests share, each started once on first use and stopped by its watchdog when the test
/// process ends: starting a Python peer costs about half a second of CPU, and one per test overloads the machine.
enum ClientPeers {
    /// Python `websockets`, plain echo.
    static let plain = Task { try await launch { try await PythonWebSocketServer.start() } }
    /// With permessage-deflate.
    static let deflate = Task { try await launch { try await PythonWebSocketServer.start(deflate: true) } }
    /// Closes connections idle for 0.6 s with 1001.
    static let idle = Task { try await launch { try await PythonWebSocketServer.start(idleClose: .milliseconds(600)) } }
    /// Supports the subprotocols `chat.v2` and `chat.v1`, preferring `chat.v2`.
    static let subprotocols = Task {
        try await launch { try await PythonWebSocketServer.start(subprotocols: ["chat.v2", "chat.v1"]) }
    }
    /// TLS with the test CA's certificate for localhost, 127.0.0.1 and ::1.
    static let tls = Task { try await launch { try await PythonWebSocketServer.start(tls: PeerTLS.testServer()) } }
    /// TLS and permessage-deflate.
    static let tlsDeflate = Task {
        try await launch { try await PythonWebSocketServer.start(deflate: true, tls: PeerTLS.testServer()) }
    }
    /// TLS requiring a client certificate from the test CA.
    static let mutualTLS = Task {
        try await launch {
            try await PythonWebSocketServer.start(tls: PeerTLS.testServer(requireClientCertificate: true))
        }
    }
    /// TLS with a localhost certificate from a CA nobody trusts.
    static let untrusted = Task { try await tlsServer { ($0.untrustedCertificate, $0.untrustedKey) } }
    /// TLS with a certificate for wrong.example.com only.
    static let wrongHost = Task { try await tlsServer { ($0.wrongHostCertificate, $0.wrongHostKey) } }
    /// TLS with a certificate that expired in 2021.
    static let expired = Task { try await tlsServer { ($0.expiredCertificate, $0.expiredKey) } }
    /// The hostile raw-socket server.
    static let hostile = Task { try await launch { try await HostileServer.start() } }

    private static func tlsServer(
        _ files: @Sendable (CertificateFactory) -> (String, String)
    ) async throws -> PythonWebSocketServer {
        let (certificate, key) = files(try CertificateFactory.shared())
        return try await launch {
            try await PythonWebSocketServer.start(tls: PeerTLS(certificate: certificate, key: key))
        }
    }

    /// Starts a peer with at most two launches in flight across the client tests, trying once more when the
    /// first attempt does not listen in time (a loaded CI machine): the launcher stops a failed attempt itself.
    static func launch<Peer: Sendable>(_ start: @Sendable () async throws -> Peer) async throws -> Peer {
        await gate.enter()
        do {
            let peer: Peer
            do {
                peer = try await start()
            } catch PeerError.notListening {
                peer = try await start()
            }
            await gate.leave()
            return peer
        } catch {
            await gate.leave()
            throw error
        }
    }

    private static let gate = LaunchGate(limit: 2)
}

/// A counting semaphore for peer launches.
private actor LaunchGate {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    func enter() async {
        if self.running < self.limit {
            self.running += 1
            return
        }
        await withCheckedContinuation { self.waiting.append($0) }
    }

    func leave() {
        if self.waiting.isEmpty {
            self.running -= 1
        } else {
            self.waiting.removeFirst().resume()
        }
    }
}
