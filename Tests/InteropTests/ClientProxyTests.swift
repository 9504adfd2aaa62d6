import NIOCore
import ResultCodes
import TLSOpenSSL
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// One TLS test bed per proxy for these tests; the watchdogs stop them when the test process ends.
private let sharedBeds = Task {
    async let haproxy = ClientPeers.launch { try await ALBTestBed.start(.haproxy) }
    async let nginx = ClientPeers.launch { try await ALBTestBed.start(.nginx) }
    return try await [ALBStandInKind.haproxy: haproxy, .nginx: nginx]
}

/// One routing rule of the standard table and the backend it must reach.
struct ClientRouteCase: Sendable, CustomStringConvertible {
    var name: String
    var path: String
    var headers: [(String, String)] = []
    var identity: String

    var description: String { name }
}

private let ruleCases: [ClientRouteCase] = [
    .init(name: "host a.example", path: "/", headers: [("Host", "a.example")], identity: "A"),
    .init(name: "path prefix /b", path: "/b/chat", identity: "B"),
    .init(name: "header X-Route: c", path: "/", headers: [("X-Route", "c")], identity: "C"),
    .init(name: "query target=a", path: "/?target=a", identity: "A"),
    .init(name: "cookie grp=b", path: "/", headers: [("Cookie", "theme=dark; grp=b")], identity: "B"),
]

/// Our client through HAProxy and nginx as ALB stand-ins, with TLS terminated by the proxy.
@Suite("Client through HAProxy and nginx")
struct ClientProxyTests {
    private func url(_ kind: ALBStandInKind, _ path: String) async throws -> String {
        let bed = try #require(try await sharedBeds.value[kind])
        return try #require(bed.proxy.url(path, tls: true))
    }

    private func open(
        _ kind: ALBStandInKind,
        _ path: String,
        configure: (inout ConnectOptions) throws -> Void = { _ in }
    ) async throws -> Result<ClientConnection, ConnectFailure> {
        let context = try ClientTestClient.tlsContext()
        return try await ClientTestClient.open(try await self.url(kind, path)) {
            $0.tls = context
            try configure(&$0)
        }
    }

    private func failure(_ kind: ALBStandInKind, _ path: String) async throws -> ConnectFailure {
        let context = try ClientTestClient.tlsContext()
        return try await ClientTestClient.failure(try await self.url(kind, path)) { $0.tls = context }
    }

    @Test(
        "/ws upgrades through TLS termination with every phase timed and backend A's identity",
        arguments: ALBStandInKind.allCases
    )
    func upgrade(kind: ALBStandInKind) async throws {
        let context = try ClientTestClient.tlsContext()
        let connection = try await ClientTestClient.connect(try await self.url(kind, "/ws")) { $0.tls = context }
        defer { Task { await connection.abort() } }

        let timings = connection.info.timings
        let dnsDone = try #require(timings.dnsDone)
        let tcpDone = try #require(timings.tcpDone)
        let tlsDone = try #require(timings.tlsDone)
        let upgradeDone = try #require(timings.upgradeDone)
        #expect(timings.start <= dnsDone && dnsDone <= tcpDone && tcpDone <= tlsDone && tlsDone <= upgradeDone)
        #expect(connection.info.tls?.alpn == "http/1.1")
        #expect(connection.info.tls?.serverName == "localhost")
        #expect(connection.info.response.headers["X-Wsprobe-Target"] == "A")
        #expect(try await connection.echo(.text("whoami")) == .text("A"))
        #expect(try await connection.echo(.text("through \(kind)")) == .text("through \(kind)"))
        let big = Message.binary(ByteBuffer(repeating: 0xA5, count: 1 << 20))
        #expect(try await connection.echo(big, timeout: .seconds(20)) == big)
        try await connection.close()
        let outcome = try await connection.closeOutcome()
        #expect(outcome.code == .normalClosure)
        #expect(outcome.wasClean)
    }

    @Test(
        "/health answers 200 from the proxy: handshake.status.not-upgraded with the page kept",
        arguments: ALBStandInKind.allCases
    )
    func health(kind: ALBStandInKind) async throws {
        let failure = try await self.failure(kind, "/health")
        #expect(failure.error.code == "handshake.status.not-upgraded")
        #expect(failure.description.contains("200"))
        #expect(failure.description.contains("<html><head><title>Health"))
        #expect(failure.description.contains("health page"))
        #expect(failure.tls != nil)
        #expect(failure.timings.tlsDone != nil)
        guard case .handshake(.unexpectedStatus(let status, _, _, let body)) = failure.error else {
            Issue.record("expected a status error, got \(failure.error)")
            return
        }
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self).hasPrefix("<html><head><title>Health"))
    }

    @Test(
        "/dead: the proxy cannot reach its backend, handshake.status.gateway-error with its status",
        arguments: ALBStandInKind.allCases
    )
    func dead(kind: ALBStandInKind) async throws {
        let failure = try await self.failure(kind, "/dead")
        let expected = kind == .nginx ? 502 : 503
        #expect(failure.error.code == "handshake.status.gateway-error")
        #expect(failure.description.contains("\(expected)"))
        #expect(failure.description.contains("could not reach a healthy target"))
        guard case .handshake(.unexpectedStatus(let status, _, _, _)) = failure.error else {
            Issue.record("expected a status error, got \(failure.error)")
            return
        }
        #expect(status == expected)
    }

    @Test(
        "/stripped: Upgrade and Connection removed, the backend answers 426, handshake.status.upgrade-required",
        arguments: ALBStandInKind.allCases
    )
    func stripped(kind: ALBStandInKind) async throws {
        let failure = try await self.failure(kind, "/stripped")
        #expect(failure.error.code == "handshake.status.upgrade-required")
        #expect(failure.description.contains("426"))
    }

    @Test(
        "/idle: opened, then cut by the proxy's 2 s tunnel timeout with 1006 and no close frame",
        arguments: ALBStandInKind.allCases
    )
    func idle(kind: ALBStandInKind) async throws {
        let context = try ClientTestClient.tlsContext()
        let connection = try await ClientTestClient.connect(try await self.url(kind, "/idle")) { $0.tls = context }
        let outcome = try await connection.closeOutcome(timeout: .seconds(8))
        #expect(outcome.code == .abnormalClosure)
        #expect(!outcome.wasClean)
        #expect(outcome.initiator == .remote)
        let open = try #require(try await connection.secondsOpen())
        #expect(open >= 1.5 && open <= 4, "closed after \(open) s")
    }

    @Test(
        "routing rules reach the expected backend, named by X-Wsprobe-Target on the 101",
        arguments: ALBStandInKind.allCases,
        ruleCases
    )
    func rule(kind: ALBStandInKind, route: ClientRouteCase) async throws {
        let result = try await self.open(kind, route.path) { options in
            for (name, value) in route.headers {
                options.headers.append(name: name, value: value)
            }
        }
        switch result {
        case .success(let connection):
            #expect(connection.info.response.headers["X-Wsprobe-Target"] == route.identity)
            #expect(try await connection.echo(.text("whoami")) == .text(route.identity))
            await connection.abort()
        case .failure(let failure):
            Issue.record("\(route) failed with \(failure.error.code): \(failure)")
        }
    }

    @Test(
        "ws:// to the proxy's TLS port fails in the upgrade phase and names the plain-text/TLS mismatch",
        arguments: ALBStandInKind.allCases
    )
    func plainToTLSPort(kind: ALBStandInKind) async throws {
        let bed = try #require(try await sharedBeds.value[kind])
        let port = try #require(bed.proxy.httpsPort)
        let failure = try await ClientTestClient.failure("ws://127.0.0.1:\(port)/ws") {
            $0.timeouts.upgrade = .seconds(3)
        }
        #expect(failure.error.phase == .upgrade)
        switch failure.error.code {
        case "handshake.status.client-error":  // nginx: 400 "The plain HTTP request was sent to HTTPS port"
            #expect(failure.description.contains("400"))
            #expect(failure.description.contains("400 The plain HTTP request was sent"))
        case "handshake.closed-before-response":
            #expect(failure.description.contains("TLS"))
        default:
            Issue.record("unexpected \(failure.error.code): \(failure)")
        }
    }

    @Test(
        "a request no rule matches gets the proxy's 404: handshake.status.not-found",
        arguments: ALBStandInKind.allCases
    )
    func noRule(kind: ALBStandInKind) async throws {
        let failure = try await self.failure(kind, "/nothing-here")
        #expect(failure.error.code == "handshake.status.not-found")
        #expect(failure.description.contains(ALBStandInConfiguration.noRuleBody))
    }

    @Test(
        "weighted round robin (A 3, B 1) over 8 sequential connections reaches A 6 times and B twice",
        arguments: ALBStandInKind.allCases
    )
    func weighted(kind: ALBStandInKind) async throws {
        var seen: [String: Int] = [:]
        for _ in 0..<8 {
            let context = try ClientTestClient.tlsContext()
            let connection = try await ClientTestClient.connect(try await self.url(kind, "/weighted")) {
                $0.tls = context
            }
            seen[connection.info.response.headers["X-Wsprobe-Target"] ?? "none", default: 0] += 1
            try await connection.close()
            _ = try await connection.closeOutcome()
        }
        #expect(seen == ["A": 6, "B": 2])
    }

    @Test(
        "16 concurrent connections through the proxy all open, echo and close cleanly",
        arguments: ALBStandInKind.allCases
    )
    func concurrent(kind: ALBStandInKind) async throws {
        let url = try await self.url(kind, "/ws")
        let context = try ClientTestClient.tlsContext()
        let outcomes = try await withThrowingTaskGroup(of: CloseOutcome.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let connection = try await ClientTestClient.connect(url) { $0.tls = context }
                    let text = "connection \(index)"
                    guard try await connection.echo(.text(text)) == .text(text) else {
                        throw ClientWaitError.noSocket
                    }
                    try await connection.close()
                    return try await connection.closeOutcome()
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 16)
        #expect(outcomes.allSatisfy { $0.code == .normalClosure && $0.wasClean })
    }

    @Test(
        "a --resolve entry keeps the URL's Host end to end: the proxy's Host rule routes a.example to A",
        arguments: ALBStandInKind.allCases
    )
    func resolveKeepsHost(kind: ALBStandInKind) async throws {
        let bed = try #require(try await sharedBeds.value[kind])
        let port = try #require(bed.proxy.httpsPort)
        let context = try ClientTestClient.tlsContext()
        let connection = try await ClientTestClient.connect("wss://a.example:\(port)/") {
            $0.tls = context
            $0.serverName = "localhost"  // the test certificate's name; SNI on the URL's name is tested elsewhere
            $0.resolve = [(host: "a.example", port: port, address: "127.0.0.1")]
        }
        #expect(connection.info.request.hostHeaderValue == "a.example:\(port)")
        #expect(connection.info.response.headers["X-Wsprobe-Target"] == "A")
        #expect(connection.info.timings.dnsDone == nil)
        await connection.abort()

        // The same request by address has no Host rule to match: the proxy answers 404.
        let failure = try await ClientTestClient.failure("wss://localhost:\(port)/") { $0.tls = context }
        #expect(failure.error.code == "handshake.status.not-found")
    }
}
