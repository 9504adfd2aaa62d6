import Foundation
import NIOCore
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// The rehearsal misbehaviours, as Python `websockets` sees them.
@Suite("EchoServer misbehaviours", .timeLimit(.minutes(2)))
struct ServerMisbehaviourTests {
    @Test("closes an idle connection with 1001 after the configured time, not before")
    func idleClose() async throws {
        let server = try await ServerTestHarness.start(
            .init(identity: "i", misbehaviour: .init(idleClose: .milliseconds(600)))
        )
        let report = try await ServerTestHarness.client("wait-close", server.wsURL, ["--send", "x"])
        #expect(report.code == 1001)
        let open = try #require(report.openSeconds)
        #expect(open >= 0.55)
        #expect(open < 5)
        try await server.stop().get()
    }

    @Test("closes an idle connection with a configured code")
    func idleCloseCode() async throws {
        let server = try await ServerTestHarness.start(
            .init(identity: "i", misbehaviour: .init(idleClose: .milliseconds(200), idleCloseCode: .tryAgainLater))
        )
        let report = try await ServerTestHarness.client("wait-close", server.wsURL)
        #expect(report.code == 1013)
        try await server.stop().get()
    }

    @Test("delays the 101 by the configured time")
    func delayUpgrade() async throws {
        let server = try await ServerTestHarness.start(
            .init(identity: "d", misbehaviour: .init(delayUpgrade: .milliseconds(800), idleClose: .milliseconds(100)))
        )
        let report = try await ServerTestHarness.client("wait-close", server.wsURL)
        let upgrade = try #require(report.upgradeSeconds)
        #expect(upgrade >= 0.75)
        #expect(report.code == 1001)
        try await server.stop().get()
    }

    @Test(
        "answers with the configured close code right after the upgrade or instead of the first echo",
        arguments: [EchoServerMisbehaviour.CloseMoment.afterUpgrade, .firstMessage]
    )
    func closeWith(moment: EchoServerMisbehaviour.CloseMoment) async throws {
        let server = try await ServerTestHarness.start(
            .init(identity: "c", misbehaviour: .init(closeWith: CloseCode(rawValue: 4000), closeMoment: moment))
        )
        let report = try await ServerTestHarness.client("wait-close", server.wsURL, ["--send", "hi"])
        #expect(report.code == 4000)
        let counters = try await ServerTestHarness.waitUntil(server) { $0.openConnections == 0 }
        #expect(counters.messagesEchoed == 0)
        try await server.stop().get()
    }

    @Test("ends TCP without a close frame after drop-after; Python reports 1006")
    func dropAfter() async throws {
        let server = try await ServerTestHarness.start(
            .init(identity: "x", misbehaviour: .init(dropAfter: .seconds(1)))
        )
        let report = try await ServerTestHarness.client("wait-close", server.wsURL, ["--send", "x"])
        #expect(report.code == 1006)
        // Measured by the client from when it saw the 101, a little after the server wrote it.
        #expect((report.openSeconds ?? 0) >= 0.7)
        try await server.stop().get()
    }

    @Test("refuses close codes that may not be sent")
    func invalidCloseCode() async throws {
        await #expect(throws: EchoServerError.self) {
            _ = try await ServerTestHarness.start(.init(misbehaviour: .init(closeWith: CloseCode(rawValue: 1006))))
        }
    }
}
