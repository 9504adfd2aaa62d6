import NIOCore
import ResultCodes
import TestSupport
import Testing
import WSDeflate
import WSProtocol
import WSTransport

/// What our client must report for one hostile route that fails the opening.
struct ClientHostileExpectation: Sendable, CustomStringConvertible {
    var route: HostileRoute
    /// The exact `ConnectError.code`.
    var code: String
    /// Words the diagnosis sentence must contain.
    var sentence: [String]
    /// Text the kept body prefix must contain (non-101 answers only).
    var body: String? = nil
    /// A response header the error must keep (non-101 answers only).
    var header: (name: String, value: String)? = nil

    var description: String { route.path }
}

/// Every hostile route that fails the opening, with its code and the words of its diagnosis.
private let failingRoutes: [ClientHostileExpectation] = [
    .init(
        route: .health,
        code: "handshake.status.not-upgraded",
        sentence: ["200 OK instead of 101", "health page"],
        body: "status: healthy"
    ),
    .init(
        route: .plain,
        code: "handshake.status.not-upgraded",
        sentence: ["200 OK instead of 101", "'plain HTTP backend'"],
        body: "plain HTTP backend"
    ),
    .init(
        route: .badGateway,
        code: "handshake.status.gateway-error",
        sentence: ["502 Bad Gateway", "could not reach a healthy target"],
        body: "<h1>502 Bad Gateway</h1>",
        header: ("Server", "nginx")
    ),
    .init(
        route: .unavailable,
        code: "handshake.status.gateway-error",
        sentence: ["503 Service Temporarily Unavailable", "healthy target"],
        body: "503 Service Temporarily Unavailable"
    ),
    .init(
        route: .timeoutGateway,
        code: "handshake.status.gateway-error",
        sentence: ["504 Gateway Time-out", "healthy target"],
        body: "504 Gateway Time-out"
    ),
    .init(
        route: .redirect,
        code: "handshake.status.redirect",
        sentence: ["301 Moved Permanently", "redirect to '/ok'", "not followed"],
        body: "moved to /ok",
        header: ("Location", "/ok")
    ),
    .init(
        route: .unauthorized,
        code: "handshake.status.unauthorized",
        sentence: ["401 Unauthorized", "credentials", "Basic realm=\"wsprobe\""],
        body: "authentication required"
    ),
    .init(
        route: .forbidden,
        code: "handshake.status.forbidden",
        sentence: ["403 Forbidden", "refused"],
        body: "forbidden"
    ),
    .init(
        route: .notFound,
        code: "handshake.status.not-found",
        sentence: ["404 Not Found", "check the path"],
        body: "not found"
    ),
    .init(
        route: .upgradeRequired,
        code: "handshake.status.upgrade-required",
        sentence: ["426 Upgrade Required", "Sec-WebSocket-Version 13, 8"],
        body: "unsupported WebSocket version",
        header: ("Sec-WebSocket-Version", "13, 8")
    ),
    .init(route: .noUpgrade, code: "handshake.upgrade-missing", sentence: ["without an Upgrade header", "stripped"]),
    .init(
        route: .noConnection,
        code: "handshake.connection-missing",
        sentence: ["without a Connection header", "stripped"]
    ),
    .init(route: .badAccept, code: "handshake.accept-mismatch", sentence: ["Sec-WebSocket-Accept", "does not match"]),
    .init(route: .noAccept, code: "handshake.accept-missing", sentence: ["without Sec-WebSocket-Accept"]),
    .init(
        route: .unofferedSubprotocol,
        code: "handshake.subprotocol-not-offered",
        sentence: ["'chat.v9'", "none was offered"]
    ),
    .init(
        route: .unofferedExtension,
        code: "handshake.extension-not-offered",
        sentence: ["'x-unknown'", "none was offered"]
    ),
    .init(
        route: .deflateBadParameters,
        code: "handshake.extension-not-offered",
        sentence: ["'permessage-deflate'", "none was offered"]
    ),
    .init(route: .hugeHead, code: "handshake.response-head-too-large", sentence: ["did not end within"]),
    .init(route: .garbage, code: "handshake.malformed-response", sentence: ["not a valid HTTP/1.1 response"]),
    .init(
        route: .http10,
        code: "handshake.status.not-upgraded",
        sentence: ["200 OK instead of 101", "'an HTTP/1.0 server'"],
        body: "an HTTP/1.0 server"
    ),
]

/// Our client against the hostile raw-socket server: one exact code and diagnosis per failure class.
@Suite("Client against the hostile server")
struct ClientHostileTests {
    private func url(_ route: HostileRoute) async throws -> String {
        try await ClientPeers.hostile.value.url(route)
    }

    @Test("the failure table covers every hostile route exactly once, besides those that open")
    func tableCoversEveryRoute() {
        let opening: Set<HostileRoute> = [
            .ok, .silent, .closeAfterUpgrade, .dropAfterUpgrade, .greeting, .violation, .notEcho, .endWhenIdle,
            .resetWhenIdle,
        ]
        let failing = failingRoutes.map(\.route)
        #expect(Set(failing).count == failing.count)
        #expect(Set(failing).union(opening) == Set(HostileRoute.allCases))
        #expect(Set(failing).isDisjoint(with: opening))
    }

    @Test(
        "each hostile answer fails the upgrade with its exact code and a sentence naming the cause",
        arguments: failingRoutes
    )
    func failingRoute(_ expected: ClientHostileExpectation) async throws {
        let failure = try await ClientTestClient.failure(try await self.url(expected.route))
        #expect(failure.error.code == expected.code, "\(failure)")
        #expect(failure.error.phase == .upgrade)
        for words in expected.sentence {
            #expect(failure.description.contains(words), "'\(failure)' lacks '\(words)'")
        }
        #expect(failure.request != nil)
        #expect(failure.timings.tcpDone != nil)
        #expect(failure.timings.upgradeDone == nil)
        #expect(failure.remoteAddress?.port == (try await ClientPeers.hostile.value.port))
        guard case .handshake(let error) = failure.error else {
            Issue.record("expected a handshake error, got \(failure.error)")
            return
        }
        if let status = expected.route.status, status != 101 {
            guard case .unexpectedStatus(let received, _, let headers, let body) = error else {
                Issue.record("expected unexpectedStatus, got \(error)")
                return
            }
            #expect(received == status)
            if let text = expected.body {
                #expect(String(decoding: body, as: UTF8.self).contains(text))
            }
            if let header = expected.header {
                #expect(headers[header.name] == header.value)
            }
        }
    }

    @Test("the bad deflate parameters fail with deflate.invalid-value when deflate was offered")
    func deflateBadParameters() async throws {
        let failure = try await ClientTestClient.failure(try await self.url(.deflateBadParameters)) {
            $0.deflate = .standard
        }
        #expect(failure.error.code == "deflate.invalid-value")
        #expect(failure.error.phase == .upgrade)
        #expect(failure.description.contains("server_max_window_bits=7"))
        #expect(failure.description.contains("8 to 15"))
        #expect(failure.timings.upgradeDone == nil)
        #expect(failure.request?.extensions.map(\.name) == ["permessage-deflate"])
    }

    @Test("a server that never answers fails with timeout.upgrade after the upgrade timeout")
    func silent() async throws {
        let failure = try await ClientTestClient.failure(try await self.url(.silent)) {
            $0.timeouts.upgrade = .milliseconds(700)
        }
        #expect(failure.error.code == "timeout.upgrade")
        #expect(failure.error.phase == .upgrade)
        #expect(failure.description.contains("700 ms"))
        #expect(failure.description.contains("did not answer the upgrade request"))
        #expect(failure.request != nil)
        let tcpDone = try #require(failure.timings.tcpDone)
        #expect(tcpDone >= failure.timings.start)
    }

    @Test("the correct route opens and echoes text, binary and ping, then closes cleanly")
    func ok() async throws {
        let connection = try await ClientTestClient.connect(try await self.url(.ok))
        #expect(try await connection.echo(.text("hostile but fine")) == .text("hostile but fine"))
        let binary = Message.binary(ByteBuffer(bytes: [0, 1, 2, 255]))
        #expect(try await connection.echo(binary) == binary)
        #expect(String(buffer: try await connection.ping("p")) == "p")
        try await connection.close(code: CloseCode(rawValue: 4000), reason: "bye")
        let outcome = try await connection.closeOutcome()
        #expect(outcome.code.rawValue == 4000)
        #expect(outcome.initiator == .local)
        #expect(outcome.wasClean)
    }

    @Test("a close frame right after the upgrade opens, then closes with 1001 initiated remotely")
    func closeAfterUpgrade() async throws {
        let connection = try await ClientTestClient.connect(try await self.url(.closeAfterUpgrade))
        let outcome = try await connection.closeOutcome()
        #expect(outcome.code == .goingAway)
        #expect(outcome.initiator == .remote)
        #expect(outcome.reason == "idle timeout")
        #expect(outcome.wasClean)
    }

    @Test("a TCP close right after the upgrade opens, then closes with 1006, not clean")
    func dropAfterUpgrade() async throws {
        let connection = try await ClientTestClient.connect(try await self.url(.dropAfterUpgrade))
        let outcome = try await connection.closeOutcome()
        #expect(outcome.code == .abnormalClosure)
        #expect(!outcome.wasClean)
        #expect(outcome.initiator == .remote)
    }
}
