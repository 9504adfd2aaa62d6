import LoadRunner
import NIOPosix
import Probes
import RunResults
import Scenario
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// Routing rows with another method or `Upgrade` spelling, sent as written through HAProxy 2.6 and nginx 1.22
/// to the Python `websockets` backends, which answer a non-GET upgrade with 405 Method Not Allowed and
/// `Allow: GET`, and an `Upgrade` other than websocket with 426.
@Suite("Routing rows with another method or Upgrade spelling through proxies")
struct RoutingMethodProxyTests {
    static func run(_ bed: ALBTestBed, _ routes: [Route], tls: Bool = false) async throws -> RoutingRun.Result {
        await RoutingRun.run(
            routes: routes,
            weights: nil,
            identity: .header("X-Wsprobe-Target"),
            base: try RoutingProxyTests.base(bed, path: "/ws", tls: tls),
            on: MultiThreadedEventLoopGroup.singleton
        )
    }

    static func row(
        _ name: String,
        path: String = "/b/chat",
        method: String? = nil,
        upgrade: String? = nil,
        headers: [KeyValue] = [],
        expect: RouteExpectation
    ) -> Route {
        Route(
            name: name,
            request: RouteRequest(path: path, headers: headers, method: method, upgradeHeader: upgrade),
            expect: expect
        )
    }

    @Test(
        "a mixed-case Upgrade spelling routes and upgrades like websocket, plain and through TLS",
        arguments: ALBStandInKind.allCases
    )
    func mixedCaseRoutes(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind)
        defer { bed.stop() }
        let rows = [
            Self.row("WebSocket to /b", upgrade: "WebSocket", expect: .targets(["B"])),
            Self.row(
                "WEBSOCKET with X-Route c",
                path: "/x",
                upgrade: "WEBSOCKET",
                headers: [KeyValue("X-Route", "c")],
                expect: .targets(["C"])
            ),
            Self.row("explicit GET websocket", method: "GET", upgrade: "websocket", expect: .targets(["B"])),
        ]
        for tls in [false, true] {
            let result = try await Self.run(bed, rows, tls: tls)
            #expect(result.checks.map(\.observed) == ["101 from B", "101 from C", "101 from B"], "\(kind) tls=\(tls)")
            #expect(result.passed, "\(kind) tls=\(tls): \(result.checks.map(\.message))")
        }
    }

    @Test(
        "POST, PUT and HEAD upgrades reach the backend and get its 405; the row's expectation decides",
        arguments: ALBStandInKind.allCases
    )
    func otherMethods(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, tls: false)
        defer { bed.stop() }
        let rows = [
            Self.row("POST /b", method: "POST", expect: .status(405)),
            Self.row("PUT /b", method: "PUT", expect: .status(405)),
            Self.row("HEAD /b", method: "HEAD", expect: .status(405)),
            // The proxy's own fixed response comes first: the method never reaches a backend.
            Self.row("POST /fixed", path: "/fixed", method: "POST", expect: .status(418)),
            // Not a WebSocket upgrade at all: the backend answers 426 Upgrade Required.
            Self.row("Upgrade h2c", upgrade: "h2c", expect: .status(426)),
        ]
        let result = try await Self.run(bed, rows)
        for check in result.checks { #expect(check.passed, "\(kind): \(check.message)") }
        // HEAD's answer has no body (RFC 9112 §6.3): had the probe waited for its Content-Length bytes, the row
        // would have ended in an upgrade timeout, not with the 405 observed.
        #expect(result.checks.map(\.observed) == ["405", "405", "405", "418", "426"])

        // The 405 is the backend's (Python websockets adds `Allow: GET`), passed through by the proxy.
        var post = try RoutingProxyTests.base(bed, path: "/b/chat")
        post.method = "POST"
        let observation = await RouteProbe.observe(
            post,
            identity: .header("X-Wsprobe-Target"),
            on: .singletonMultiThreadedEventLoopGroup
        )
        guard case .status(405, let headers) = observation else {
            Issue.record("\(kind): \(observation)")
            return
        }
        #expect(headers.combinedValue(named: "Allow") == "GET")
    }

    @Test(
        "a method in lower case is another method: nginx refuses it with 400, HAProxy passes it to the backend",
        arguments: ALBStandInKind.allCases
    )
    func lowerCaseMethod(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, tls: false)
        defer { bed.stop() }
        let expected = kind == .nginx ? 400 : 405
        let result = try await Self.run(bed, [Self.row("post", method: "post", expect: .status(expected))])
        #expect(result.checks.first?.observed == "\(expected)")
        #expect(result.passed, "\(kind): \(result.checks.map(\.message))")
    }

    @Test(
        "a POST row that expects an upgrade fails, naming the row, the expectation and the real answer",
        arguments: ALBStandInKind.allCases
    )
    func wrongExpectationFails(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, tls: false)
        defer { bed.stop() }
        let rows = [
            Self.row("POST /b upgrades", method: "POST", expect: .targets(["B"])),
            Self.row("WebSocket refused", upgrade: "WebSocket", expect: .status(400)),
        ]
        let result = try await Self.run(bed, rows)
        #expect(!result.passed)
        let post = try #require(result.checks.first)
        #expect(post.name == "route POST /b upgrades")
        #expect(!post.passed)
        #expect(post.code == "handshake.status.client-error")
        #expect(
            post.message
                == "Route 'POST /b upgrades' failed: the upgrade could not be made (handshake.status.client-error):"
                + " the server answered 405 instead of 101 Switching Protocols. Expected 101 from B; routing was not"
                + " checked."
        )
        let spelling = try #require(result.checks.last)
        #expect(!spelling.passed)
        #expect(spelling.message == "Route 'WebSocket refused' misrouted: expected 400, observed 101 from B.")
    }
}
