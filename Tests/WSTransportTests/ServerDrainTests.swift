import Foundation
import NIOCore
import TestSupport
import Testing
import WSTransport

/// `EchoServer.drain(grace:)`, the graceful close behind the embedded ALB's `drain` event, against Python
/// `websockets`: what a drained connection has read is answered before its 1001 close.
@Suite("EchoServer drain against Python websockets", .timeLimit(.minutes(2)))
struct ServerDrainTests {
    @Test("a message sent after the drain began is still answered, and the 1001 close follows the answer")
    func answersBeforeClosing() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "d"))
        let signal = FileManager.default.temporaryDirectory.appendingPathComponent("drain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: signal) }
        let client = Task {
            try await ServerTestHarness.client(
                "late",
                server.wsURL,
                ["--seconds", "0", "--after-file", signal.path, "--send", "last words"]
            )
        }
        _ = try await ServerTestHarness.waitUntil(server) { $0.upgrades == 1 && $0.openConnections == 1 }
        let started = ContinuousClock.now
        let drained = server.drain(grace: .seconds(20))
        // The client sends only once its connection has been told to drain (the listener closes first).
        _ = try await ServerTestHarness.waitUntil(server) { $0.drainedConnections == 1 }
        #expect(FileManager.default.createFile(atPath: signal.path, contents: Data()))
        try await drained.get()
        let report = try await client.value
        #expect(report.text == "last words", "\(report)")
        #expect(report.closeCode == 1001, "\(report)")
        // The close came with the answer, not at the end of the grace period.
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    @Test("a drained connection that sends nothing is closed with 1001 once the grace period is over")
    func silentClosesAfterGrace() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "d"))
        let client = Task { try await ServerTestHarness.client("hold", server.wsURL, ["--count", "2"]) }
        _ = try await ServerTestHarness.waitUntil(server) { $0.upgrades == 2 && $0.openConnections == 2 }
        let started = ContinuousClock.now
        try await server.drain(grace: .milliseconds(300)).get()
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(try await client.value.codes == [1001, 1001])
    }
}
