import Foundation
import NIOCore
import TestSupport
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

    /// One invalid request and the answer RFC 6455 §4.2 asks for.
    struct InvalidRequest: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [String]
        var status: Int
        /// The `Sec-WebSocket-Version` the answer must carry, if any.
        var version: String?

        var testDescription: String { self.name }

        /// The request with CRLF line ends escaped for the Python client.
        var request: String { self.lines.map { $0 + "\\r\\n" }.joined() + "\\r\\n" }
    }

    static let upgradeLines = ["Host: x", "Upgrade: websocket", "Connection: Upgrade"]

    static let invalidRequests: [InvalidRequest] = [
        InvalidRequest(
            name: "no key",
            lines: ["GET / HTTP/1.1"] + upgradeLines + ["Sec-WebSocket-Version: 13"],
            status: 400
        ),
        InvalidRequest(
            name: "version 8",
            lines: ["GET / HTTP/1.1"] + upgradeLines + ["Sec-WebSocket-Key: \(key)", "Sec-WebSocket-Version: 8"],
            status: 426,
            version: "13"
        ),
        InvalidRequest(name: "plain GET /", lines: ["GET / HTTP/1.1", "Host: x"], status: 426, version: "13"),
        InvalidRequest(
            name: "POST",
            lines: ["POST / HTTP/1.1"] + upgradeLines + ["Sec-WebSocket-Key: \(key)", "Sec-WebSocket-Version: 13"],
            status: 405
        ),
        InvalidRequest(
            name: "a 20 kB head",
            lines: ["GET / HTTP/1.1", "Host: x", "X-Pad: " + String(repeating: "a", count: 20_000)],
            status: 431
        ),
    ]

    @Test("answers invalid upgrade requests with the RFC 6455 §4.2 status", arguments: invalidRequests)
    func invalid(request: InvalidRequest) async throws {
        let server = try await ServerTestHarness.start(.init(identity: "bad"))
        let report = try await ServerTestHarness.client("raw", server.wsURL, ["--request", request.request])
        #expect(report.status == request.status)
        #expect(report.headers?["sec-websocket-version"] == request.version)
        #expect(report.headers?["x-wsprobe-target"] == "bad")
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
        let report = try await ServerTestHarness.client(
            "raw",
            server.wsURL,
            ["--request", "GET / HTTP/1.1\\r\\nHost: x\\r\\n"],
            timeout: 10
        )
        #expect(report.status == nil)
        // Measured inside the client, from its write to the server's close, so a slow process start does not count.
        #expect(report.closedBy == "server")
        #expect((report.waitedSeconds ?? .infinity) < 5)
        try await server.stop().get()
    }
}
