import ALBEmulator
import Foundation
import NIOCore
import NIOPosix
import Scenario
import TestSupport
import Testing
import WSTransport

/// The embedded ALB end to end, driven by the independent Python `websockets` client (`Tests/Peers/ws_client.py`):
/// routing by each condition kind, STATIC, REDIRECT, 404, 503, weights, the idle timeout, drain and stop.
@Suite("Embedded ALB through a Python websockets client", .serialized)
struct ALBEmulationTests {
    /// Rules in the shape of `scenarios/alb-routing.yaml`, plus a cookie, a query and a pinned rule.
    static let routing = EmbeddedALBConfiguration(
        EmbeddedTargets(
            targets: [.init(id: "a"), .init(id: "b"), .init(id: "c")],
            rules: [
                Rule(name: "chat-host", match: RouteRequest(host: "chat.example.test"), action: .forward(["a"])),
                Rule(name: "api-path", match: RouteRequest(path: "/api/*"), action: .forward(["b"])),
                Rule(
                    name: "beta-header",
                    match: RouteRequest(headers: [.init("X-Beta", "1")]),
                    action: .forward(["c"])
                ),
                Rule(name: "grp-cookie", match: RouteRequest(cookies: [.init("grp", "c")]), action: .forward(["c"])),
                Rule(name: "query", match: RouteRequest(query: [.init("target", "b")]), action: .forward(["b"])),
                Rule(name: "blocked", match: RouteRequest(path: "/admin"), action: .status(403)),
                Rule(name: "old-path", match: RouteRequest(path: "/v1/ws"), action: .redirect("/v2/ws")),
                Rule(name: "pinned", match: RouteRequest(path: "/pinned"), action: .forward(["a"])),
                Rule(name: "default", match: RouteRequest(path: "/ws"), action: .forward(["a", "b"])),
            ]
        )
    )

    static func withALB(
        _ configuration: EmbeddedALBConfiguration,
        _ body: (EmbeddedALB) async throws -> Void
    ) async throws {
        let alb = try await EmbeddedALB.start(
            configuration: configuration,
            group: MultiThreadedEventLoopGroup.singleton
        )
        do {
            try await body(alb)
        } catch {
            await alb.stop()
            throw error
        }
        await alb.stop()
        #expect(alb.openChannels == 0, "channels left open after stop()")
    }

    /// Waits until target `id` has `count` open upgraded connections (its 101s are written, so an event that
    /// follows hits WebSockets, not handshakes in flight).
    static func waitForUpgrades(_ alb: EmbeddedALB, _ id: String, _ count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        var counters = try await alb.counters(of: id)
        while (counters?.upgrades ?? 0) < count || (counters?.openConnections ?? 0) < count,
            ContinuousClock.now < deadline
        {
            try await Task.sleep(for: .milliseconds(20))
            counters = try await alb.counters(of: id)
        }
        try #require((counters?.upgrades ?? 0) >= count, "only \(String(describing: counters)) upgraded on \(id)")
    }

    @Test(
        "requests are routed by host, path, header, cookie and query to the right identity",
        arguments: [
            ("host", "ws://chat.example.test/ws", [String](), "a"),
            ("path", "ws://127.0.0.1/api/stream", [], "b"),
            ("header", "ws://127.0.0.1/ws", ["--header", "X-Beta: 1"], "c"),
            ("cookie", "ws://127.0.0.1/ws", ["--header", "Cookie: session=1; grp=c"], "c"),
            ("query", "ws://127.0.0.1/ws?x=1&target=b", [], "b"),
        ] as [(String, String, [String], String)]
    )
    func routed(kind: String, uri: String, extra: [String], expected: String) async throws {
        try await Self.withALB(Self.routing) { alb in
            let report = try await PythonWebSocketClient.run(
                "identities",
                uri,
                ["--connect", "127.0.0.1:\(alb.port)", "--count", "10"] + extra
            )
            #expect(report.identities == [expected: 10], "\(kind): \(report)")
            #expect(report.statuses == [])
        }
    }

    @Test("the default rule spreads over its group and a full echo session works through the tunnel")
    func defaultGroupAndEcho() async throws {
        try await Self.withALB(Self.routing) { alb in
            let spread = try await PythonWebSocketClient.run("identities", alb.url + "ws", ["--count", "60"])
            #expect(Set(spread.identities?.keys.map { $0 } ?? []) == ["a", "b"], "\(spread)")
            let echo = try await PythonWebSocketClient.run("echo", alb.url + "api/x")
            #expect(echo.status == 101)
            #expect(echo.text == "hello")
            #expect(echo.binaryOk == true)
            #expect(echo.bigOk == true)
            #expect(echo.whoami == "b")
            #expect(echo.pong == true)
            #expect(echo.closeCode == 1000)
        }
    }

    @Test("a STATIC rule answers its status, a REDIRECT rule 301 with Location, no match 404")
    func answers() async throws {
        try await Self.withALB(Self.routing) { alb in
            let blocked = try await PythonWebSocketClient.run("reject", alb.url + "admin")
            #expect(blocked.status == 403)
            #expect(blocked.body?.contains("blocked") == true, "\(blocked)")
            let request =
                "GET /v1/ws HTTP/1.1\\r\\nHost: x\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n\\r\\n"
            let moved = try await PythonWebSocketClient.run("raw", alb.url, ["--request", request])
            #expect(moved.status == 301)
            #expect(moved.headers?["location"] == "/v2/ws")
            let nowhere = try await PythonWebSocketClient.run("reject", alb.url + "nowhere")
            #expect(nowhere.status == 404)
        }
    }

    @Test("a client that never completes its head is answered 408 after the head timeout")
    func headTimeout() async throws {
        var configuration = Self.routing
        configuration.headTimeout = .milliseconds(300)
        try await Self.withALB(configuration) { alb in
            let report = try await PythonWebSocketClient.run("raw", alb.url, ["--request", "GET / HTTP/1.1\\r\\n"])
            #expect(report.status == 408, "\(report)")
        }
    }

    @Test("connections follow the weights 3:1, and weight 0 receives nothing")
    func weights() async throws {
        let configuration = EmbeddedALBConfiguration(
            EmbeddedTargets(targets: [.init(id: "a", weight: 3), .init(id: "b", weight: 1), .init(id: "z", weight: 0)])
        )
        try await Self.withALB(configuration) { alb in
            let report = try await PythonWebSocketClient.run("identities", alb.url, ["--count", "400"], timeout: 60)
            let counts = report.identities ?? [:]
            #expect(counts["z"] == nil)
            #expect((counts["a"] ?? 0) + (counts["b"] ?? 0) == 400, "\(counts)")
            // Expected 300 : 100; the binomial standard deviation is about 8.7, so ±60 (7σ) cannot flake.
            #expect((240...360).contains(counts["a"] ?? 0), "\(counts)")
        }
    }

    @Test("the idle timeout closes a silent tunnel as 1006 after the configured time, not before")
    func idleTimeout() async throws {
        var configuration = Self.routing
        configuration.embedded.idleTimeout = .milliseconds(1500)
        try await Self.withALB(configuration) { alb in
            let report = try await PythonWebSocketClient.run("wait-close", alb.url + "ws", ["--send", "hi"])
            #expect(report.code == 1006, "\(report)")
            // The last bytes (the echo of "hi") flow after the upgrade, so the cut cannot come earlier than the
            // timeout after it; the upper bound is structural (a few timeouts), not a measure of speed.
            let open = report.openSeconds ?? 0
            #expect(open >= 1.5, "\(report)")
            #expect(open < 6, "\(report)")
            #expect(alb.runningTargets() == ["a", "b", "c"])
        }
    }

    @Test("data more often than the idle timeout keeps the tunnel open")
    func dataKeepsTunnelOpen() async throws {
        var configuration = Self.routing
        configuration.embedded.idleTimeout = .milliseconds(1500)
        try await Self.withALB(configuration) { alb in
            let report = try await PythonWebSocketClient.run(
                "keepalive",
                alb.url + "ws",
                ["--interval", "0.3", "--seconds", "4"]
            )
            #expect(report.code == 1000, "\(report)")
            #expect((report.openSeconds ?? 0) >= 4, "\(report)")
        }
    }

    @Test("draining a target closes its connections with 1001; new ones go elsewhere, or 503, until it starts")
    func drain() async throws {
        try await Self.withALB(Self.routing) { alb in
            let held = Task { try await PythonWebSocketClient.run("hold", alb.url + "pinned", ["--count", "4"]) }
            try await Self.waitForUpgrades(alb, "a", 4)
            try await alb.perform(EmbeddedTargets.Event(at: .zero, target: "a", action: .drain))
            let codes = try await held.value.codes
            #expect(codes == [1001, 1001, 1001, 1001])
            #expect(alb.runningTargets() == ["b", "c"])
            let later = try await PythonWebSocketClient.run("identities", alb.url + "ws", ["--count", "20"])
            #expect(later.identities == ["b": 20], "\(later)")
            let pinned = try await PythonWebSocketClient.run("reject", alb.url + "pinned")
            #expect(pinned.status == 503)
            try await alb.perform(EmbeddedTargets.Event(at: .zero, target: "a", action: .start))
            let again = try await PythonWebSocketClient.run("identities", alb.url + "pinned", ["--count", "5"])
            #expect(again.identities == ["a": 5], "\(again)")
        }
    }

    @Test("stopping a target aborts its connections (1006) and the ALB stops choosing it")
    func stop() async throws {
        try await Self.withALB(Self.routing) { alb in
            let held = Task { try await PythonWebSocketClient.run("hold", alb.url + "pinned", ["--count", "3"]) }
            try await Self.waitForUpgrades(alb, "a", 3)
            try await alb.perform(EmbeddedTargets.Event(at: .zero, target: "a", action: .stop))
            #expect(try await held.value.codes == [1006, 1006, 1006])
            let later = try await PythonWebSocketClient.run("identities", alb.url + "ws", ["--count", "10"])
            #expect(later.identities == ["b": 10], "\(later)")
        }
    }

    @Test("events fire in time order at their offsets from the start")
    func events() async throws {
        var configuration = Self.routing
        configuration.embedded.events = [
            EmbeddedTargets.Event(at: .milliseconds(600), target: "a", action: .start),
            EmbeddedTargets.Event(at: .milliseconds(200), target: "a", action: .drain),
        ]
        try await Self.withALB(configuration) { alb in
            let start = ContinuousClock.now
            let outcomes = await alb.runEvents(from: start)
            #expect(outcomes.map(\.event.action) == [.drain, .start])
            #expect(outcomes.allSatisfy { $0.failure == nil && $0.performedAt >= $0.event.at }, "\(outcomes)")
            #expect(ContinuousClock.now - start >= .milliseconds(600))
            #expect(alb.runningTargets() == ["a", "b", "c"])
        }
    }

    @Test("an invalid configuration is refused before anything binds")
    func invalidConfiguration() async throws {
        let unknown = EmbeddedALBConfiguration(
            EmbeddedTargets(targets: [.init(id: "a")], rules: [Rule(action: .forward(["x"]))])
        )
        await #expect(throws: EmbeddedALBError.self) {
            _ = try await EmbeddedALB.start(configuration: unknown, group: MultiThreadedEventLoopGroup.singleton)
        }
        let duplicate = EmbeddedALBConfiguration(EmbeddedTargets(targets: [.init(id: "a"), .init(id: "a")]))
        await #expect(throws: EmbeddedALBError.self) {
            _ = try await EmbeddedALB.start(configuration: duplicate, group: MultiThreadedEventLoopGroup.singleton)
        }
    }
}

extension ALBEmulationTests {
    @Test("cancelling the event runner returns at once with the events done so far")
    func cancelledEvents() async throws {
        var configuration = Self.routing
        configuration.embedded.events = [EmbeddedTargets.Event(at: .seconds(60), target: "a", action: .drain)]
        try await Self.withALB(configuration) { alb in
            let runner = Task { await alb.runEvents() }
            try await Task.sleep(for: .milliseconds(50))
            runner.cancel()
            let outcomes = await runner.value
            #expect(outcomes.isEmpty)
            #expect(alb.runningTargets() == ["a", "b", "c"])
        }
    }
}

extension ALBEmulationTests {
    @Test("the targets name themselves in the configured identity header")
    func identityHeader() async throws {
        let configuration = EmbeddedALBConfiguration(
            EmbeddedTargets(targets: [.init(id: "solo")], identityHeader: "X-Served-By")
        )
        try await Self.withALB(configuration) { alb in
            let report = try await PythonWebSocketClient.run(
                "identities",
                alb.url,
                ["--count", "3", "--identity-header", "X-Served-By"]
            )
            #expect(report.identities == ["solo": 3], "\(report)")
        }
    }
}
