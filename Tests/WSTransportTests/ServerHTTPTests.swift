import Foundation
import NIOCore
import Testing
import WSTransport

/// The HTTP side of the echo target: health checks, invalid requests and configured rejections.
@Suite("EchoServer HTTP answers", .timeLimit(.minutes(2)))
struct ServerHTTPTests {
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="

    @Test("answers GET /health without Upgrade with 200 and its identity")
    func health() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "hc-1"))
        let report = try await ServerTestHarness.client(
            "raw",
            server.wsURL,
            ["--request", "GET /health HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"]
        )
        #expect(report.status == 200)
        #expect(report.body == "ok hc-1\n")
        #expect(report.headers?["x-wsprobe-target"] == "hc-1")
        let counters = try await ServerTestHarness.waitUntil(server) { $0.openConnections == 0 }
        #expect(counters.healthChecks == 1)
        try await server.stop().get()
    }

    @Test(
        "answers invalid upgrade requests with the RFC 6455 §4.2 status",
        arguments: [
            ("no key", "GET / HTTP/1.1\\r\\nHost: x\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n"
                + "Sec-WebSocket-Version: 13\\r\\n\\r\\n", 400, nil),
            ("version 8", "GET / HTTP/1.1\\r\\nHost: x\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n"
                + "Sec-WebSocket-Key: \(key)\\r\\nSec-WebSocket-Version: 8\\r\\n\\r\\n", 426, "13"),
            ("plain GET /", "GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n", 426, "13"),
            ("POST", "POST / HTTP/1.1\\r\\nHost: x\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n"
                + "Sec-WebSocket-Key: \(key)\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n", 405, nil),
            ("huge head", "GET / HTTP/1.1\\r\\nHost: x\\r\\nX-Pad: \(String(repeating: "a", count: 20_000))\\r\\n\\r\\n",
                431, nil),
        ] as [(String, String, Int, String?)]
    )
    func invalid(name: String, request: String, status: Int, version: String?) async throws {
        let server = try await ServerTestHarness.start(.init(identity: "bad"))
        let report = try await ServerTestHarness.client("raw", server.wsURL, ["--request", request])
        #expect(report.status == status, "\(name)")
        #expect(report.headers?["sec-websocket-version"] == version, "\(name)")
        #expect(report.headers?["x-wsprobe-target"] == "bad", "\(name)")
        let counters = try await ServerTestHarness.waitUntil(server) { $0.openConnections == 0 }
        #expect(counters.rejectedRequests == 1)
        #expect(counters.upgrades == 0)
        try await server.stop().get()
    }

    @Test("answers every upgrade with the configured rejection status and body; Python sees InvalidStatus 503")
    func reject() async throws {
        let server = try await ServerTestHarness.start(
            .init(identity: "r", misbehaviour: .init(rejectWith: .init(status: 503, body: "down for rehearsal\n")))
        )
        let report = try await ServerTestHarness.client("reject", server.wsURL)
        #expect(report.status == 503)
        #expect(report.body == "down for rehearsal\n")
        #expect(report.headers?["x-wsprobe-target"] == "r")
        try await server.stop().get()
    }

    @Test("answers 503 beyond the connection limit")
    func connectionLimit() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "l", maxConnections: 1))
        async let holder = ServerTestHarness.client("wait-close", server.wsURL)
        _ = try await ServerTestHarness.waitUntil(server) { $0.upgrades == 1 }
        let second = try await ServerTestHarness.client("reject", server.wsURL)
        #expect(second.status == 503)
        try await server.stop().get()
        #expect(try await holder.code == 1001)
    }

    @Test("closes a connection that sends no request head within the handshake timeout")
    func handshakeTimeout() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "h", handshakeTimeout: .milliseconds(300)))
        let started = ContinuousClock.now
        let report = try await ServerTestHarness.client(
            "raw",
            server.wsURL,
            ["--request", "GET / HTTP/1.1\\r\\nHost: x\\r\\n"],
            timeout: 10
        )
        #expect(report.status == nil)
        #expect(ContinuousClock.now - started < .seconds(8))
        try await server.stop().get()
    }
}
