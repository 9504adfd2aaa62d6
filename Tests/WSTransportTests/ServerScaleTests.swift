import Foundation
import NIOCore
import TestSupport
import Testing
import WSTransport

/// Many connections and a graceful stop.
@Suite("EchoServer at scale and on stop", .timeLimit(.minutes(3)))
struct ServerScaleTests {
    @Test("serves 2,000 concurrent connections held open together, each echoing")
    func manyConnections() async throws {
        // One Python process sends 2,000 request heads; on a loaded machine the last may come after the default
        // 10 s handshake timeout, which this test is not about.
        let server = try await ServerTestHarness.start(.init(identity: "many", handshakeTimeout: .seconds(100)))
        let report = try await ServerTestHarness.client("many", server.wsURL, ["--count", "2000"], timeout: 120)
        #expect(report.echoed == 2000)
        let counters = try await ServerTestHarness.waitUntil(server) { $0.openConnections == 0 }
        #expect(counters.totalConnections == 2000)
        #expect(counters.upgrades == 2000)
        #expect(counters.messagesEchoed == 2000)
        #expect(counters.openConnections == 0)
        try await server.stop().get()
    }

    @Test("stop() closes every open connection with 1001 and completes")
    func stopClosesAll() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "stop"))
        async let report = ServerTestHarness.client("hold", server.wsURL, ["--count", "50"])
        let before = try await ServerTestHarness.waitUntil(server) { $0.upgrades == 50 }
        #expect(before.openConnections == 50)
        try await server.stop().get()
        #expect(try await report.codes == Array(repeating: 1001, count: 50))
        let after = try await server.counters().get()
        #expect(after.openConnections == 0)
    }

    @Test("stop() also ends connections still sending their request head, and completes")
    func stopDuringHandshake() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "half"))
        async let report = ServerTestHarness.client(
            "raw",
            server.wsURL,
            ["--request", "GET / HTTP/1.1\\r\\nHost: x\\r\\n"],
            timeout: 20
        )
        _ = try await ServerTestHarness.waitUntil(server) { $0.openConnections == 1 }
        let started = ContinuousClock.now
        try await server.stop().get()
        // Well under the 10 s handshake timeout: stop() ended the half-open connection, not its timer (the margin
        // is for a loaded machine running the parallel test bulk).
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(EchoServerConfiguration.defaultHandshakeTimeout == .seconds(10))
        #expect(try await report.status == nil)
    }
}
