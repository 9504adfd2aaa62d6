import NIOCore
import NIOPosix
import Probes
import RunResults
import Scenario
import Testing
import WSProtocol
import WSTransport

/// A routing row or weight check whose connections fail names the failure, never a misroute or a fit.
@Suite("Routing failures name their cause")
struct RoutingFailureTests {
    static let reader = RouteIdentity.header("X-Wsprobe-Target")

    static let expectations: [RouteExpectation] = [.targets(["A"]), .status(403), .redirect(location: "/v2")]

    static let failures: [RouteObservation] = [
        .failed(code: "tcp.refused", message: "The connection to 127.0.0.1:9 was refused."),
        .failed(code: "tls.handshake-failed", message: "TLS handshake failed: certificate unknown"),
        .failed(code: "timeout.upgrade", message: "No upgrade response within 5 s."),
        .failed(code: "handshake.accept-mismatch", message: "Sec-WebSocket-Accept does not match."),
    ]

    /// A port on loopback that nothing listens on (bound, then closed).
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    @Test(
        "a row whose upgrade could not be made fails with the failure's code and message, whatever it expects",
        arguments: expectations
    )
    func failedUpgrade(expectation: RouteExpectation) {
        let route = Route(name: "r", request: RouteRequest(), expect: expectation)
        for observation in Self.failures {
            guard case .failed(let code, let reason) = observation else { continue }
            let check = RouteCheck.evaluate(route, observation: observation, identity: Self.reader)
            #expect(!check.passed)
            #expect(check.code == code)
            #expect(!check.message.contains("misrouted"), "\(check.message)")
            #expect(check.message.hasPrefix("Route 'r' failed: the upgrade could not be made (\(code)): \(reason)"))
            #expect(check.observed == code)
        }
    }

    @Test("a non-101 answer where a target is expected fails with the status class code, not as a misroute")
    func statusInsteadOfUpgrade() {
        let route = Route(name: "b", request: RouteRequest(), expect: .targets(["B"]))
        let check = RouteCheck.evaluate(route, observation: .status(502, headers: [:]), identity: Self.reader)
        #expect(!check.passed)
        #expect(check.code == "handshake.status.gateway-error")
        #expect(
            check.message
                == "Route 'b' failed: the upgrade could not be made (handshake.status.gateway-error): the server"
                + " answered 502 instead of 101 Switching Protocols. Expected 101 from B; routing was not checked."
        )
    }

    @Test("a 101 without an identity is unidentified; only another target, status or Location is a misroute")
    func misrouteOnlyForOtherAnswers() {
        let route = Route(name: "c", request: RouteRequest(), expect: .targets(["C"]))
        let none = RouteCheck.evaluate(
            route,
            observation: .upgraded(headers: [:], messageIdentity: nil),
            identity: Self.reader
        )
        #expect(none.code == "route.unidentified")
        #expect(
            none.message
                == "Route 'c' could not be identified: expected 101 from C, observed 101 without a X-Wsprobe-Target header."
        )
        let fixed = Route(name: "f", request: RouteRequest(), expect: .status(403))
        let other = RouteCheck.evaluate(fixed, observation: .status(404, headers: [:]), identity: Self.reader)
        #expect(other.code == "route.mismatch")
        #expect(other.message == "Route 'f' misrouted: expected 403, observed 404.")
    }

    @Test("a row sent to a closed port fails with tcp.refused and its message")
    func refusedRow() async throws {
        let port = try await Self.closedPort()
        let base = ConnectOptions(url: try WebSocketURL("ws://127.0.0.1:\(port)/"))
        let route = Route(name: "api", request: RouteRequest(path: "/api"), expect: .targets(["A"]))
        let check = await RouteCheck.run(route, base: base, identity: nil, on: MultiThreadedEventLoopGroup.singleton)
        #expect(!check.passed)
        #expect(check.code == "tcp.refused")
        #expect(check.message.hasPrefix("Route 'api' failed: the upgrade could not be made (tcp.refused): "))
        #expect(!check.message.contains("misrouted"))
    }

    @Test("a weight check whose connections are refused says so and never that the counts fit the weights")
    func refusedWeights() async throws {
        let port = try await Self.closedPort()
        let base = ConnectOptions(url: try WebSocketURL("ws://127.0.0.1:\(port)/"))
        let expectation = WeightExpectation(
            targets: [.init(target: "a", weight: 1), .init(target: "b", weight: 1)],
            connections: 6
        )
        let weight = await WeightCheck.run(
            expectation,
            base: base,
            identity: nil,
            on: MultiThreadedEventLoopGroup.singleton
        )
        let check = weight.check
        #expect(!check.passed)
        #expect(check.code == "tcp.refused")
        #expect(
            check.message.hasPrefix("6 of 6 connections could not be upgraded: 6 × tcp.refused ("),
            "\(check.message)"
        )
        #expect(check.message.contains("so the weights were not tested"))
        #expect(!check.message.contains("fits the weights"))
        #expect(weight.distribution?.summary.contains("fits") == false)
    }

    @Test("some refused connections fail the check with their code; the identified ones show numbers, no verdict")
    func partlyRefusedWeights() {
        let distribution = WeightDistribution.evaluate(
            observed: ["a": 50, "b": 48],
            weights: [(target: "a", weight: 1), (target: "b", weight: 1)]
        )
        #expect(distribution.passed)
        var failures = WeightCheckFailures()
        failures.add(code: "tcp.refused", reason: "Connection refused.", count: 2)
        let check = WeightCheck.outcome(distribution, failures: failures, total: 100)
        #expect(!check.passed)
        #expect(check.code == "tcp.refused")
        #expect(
            check.message
                == "2 of 100 connections could not be upgraded: 2 × tcp.refused (Connection refused.). 98 of 100"
                + " connections identified (a: 50, b: 48); among them \(distribution.statistics)."
        )
        let clean = WeightCheck.outcome(distribution, failures: WeightCheckFailures(), total: 98)
        #expect(clean.passed)
        #expect(clean.message.contains("fits the weights"))
    }

    @Test("a 502 or a 101 without identity in a weight check is counted by its cause; the dominant code wins")
    func failuresByCause() {
        var failures = WeightCheckFailures()
        failures.record(.status(502, headers: [:]), reader: Self.reader)
        failures.record(.status(502, headers: [:]), reader: Self.reader)
        failures.record(.failed(code: "tcp.refused", message: "refused"), reader: Self.reader)
        failures.record(.upgraded(headers: [:], messageIdentity: nil), reader: Self.reader)
        #expect(failures.notUpgraded == ["handshake.status.gateway-error": 2, "tcp.refused": 1])
        #expect(failures.unidentified == ["101 without a X-Wsprobe-Target header": 1])
        #expect(failures.dominantCode == "handshake.status.gateway-error")
        let distribution = WeightDistribution.evaluate(
            observed: [:],
            weights: [(target: "a", weight: 1), (target: "b", weight: 1)]
        )
        let check = WeightCheck.outcome(distribution, failures: failures, total: 4)
        #expect(check.code == "handshake.status.gateway-error")
        #expect(
            check.message
                == "3 of 4 connections could not be upgraded: 2 × handshake.status.gateway-error (answered 502"
                + " instead of 101), 1 × tcp.refused (refused). 1 of 4 connections were upgraded without an identity:"
                + " 1 × 101 without a X-Wsprobe-Target header. No connection named a target, so the weights were"
                + " not tested."
        )
    }
}
