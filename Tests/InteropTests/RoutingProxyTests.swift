import LoadRunner
import NIOCore
import NIOPosix
import Probes
import RunResults
import Scenario
import TLSOpenSSL
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// The routing matrix and the weight check of `wsprobe run` through HAProxy and nginx, whose rules send
/// requests to backends A, B and C that name themselves in `X-Wsprobe-Target` (HAProxy lowercases the name).
@Suite("Routing matrix and weight check through proxies")
struct RoutingProxyTests {
    /// The standard table's rows, each expecting what `ALBStandInConfiguration.standard` configures.
    static let matrix: [Route] = [
        Route(name: "host a.example", request: RouteRequest(host: "a.example", path: "/x"), expect: .targets(["A"])),
        Route(name: "path /b", request: RouteRequest(path: "/b/chat"), expect: .targets(["B"])),
        Route(
            name: "header X-Route c",
            request: RouteRequest(path: "/x", headers: [KeyValue("X-Route", "c")]),
            expect: .targets(["C"])
        ),
        Route(
            name: "query target=a",
            request: RouteRequest(path: "/x", query: [KeyValue("target", "a")]),
            expect: .targets(["A"])
        ),
        Route(
            name: "cookie grp=b",
            request: RouteRequest(path: "/x", cookies: [KeyValue("grp", "b")]),
            expect: .targets(["B"])
        ),
        Route(name: "weighted", request: RouteRequest(path: "/weighted"), expect: .targets(["A", "B"])),
        Route(name: "fixed", request: RouteRequest(path: "/fixed"), expect: .status(418)),
        Route(name: "health", request: RouteRequest(path: "/health"), expect: .status(200)),
        Route(name: "no rule", request: RouteRequest(path: "/nowhere"), expect: .status(404)),
    ]

    static func base(_ bed: ALBTestBed, path: String, tls: Bool = false) throws -> ConnectOptions {
        var options = ConnectOptions(url: try WebSocketURL(try #require(bed.proxy.url(path, tls: tls))))
        options.timeouts = PhaseTimeouts(all: .seconds(5))
        options.closeTimeout = .seconds(2)
        if tls {
            let certificates = try CertificateFactory.shared()
            options.tls = try TLSContext(configuration: .client(caFile: certificates.caCertificate))
            options.serverName = "localhost"  // keeps SNI and verification on the test certificate
        }
        return options
    }

    static func run(
        _ bed: ALBTestBed,
        routes: [Route],
        tls: Bool = false,
        identity: IdentitySource = .header("X-Wsprobe-Target")
    ) async throws -> RoutingRun.Result {
        await RoutingRun.run(
            routes: routes,
            weights: nil,
            identity: identity,
            base: try Self.base(bed, path: "/ws", tls: tls),
            on: MultiThreadedEventLoopGroup.singleton
        )
    }

    @Test(
        "a matrix with the configured expectations passes row by row, plain and through TLS",
        arguments: ALBStandInKind.allCases
    )
    func matrixPasses(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind)
        defer { bed.stop() }
        for tls in [false, true] {
            let result = try await Self.run(bed, routes: Self.matrix, tls: tls)
            #expect(result.checks.map(\.name) == Self.matrix.map { "route \($0.name)" })
            for check in result.checks {
                #expect(check.passed, "\(kind) tls=\(tls): \(check.message)")
            }
            #expect(result.passed)
        }
    }

    @Test("the identity can come from the backend's answer to a whoami probe", arguments: ALBStandInKind.allCases)
    func probeIdentity(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, tls: false)
        defer { bed.stop() }
        let probe = IdentitySource.probe(message: "whoami", pattern: "^([A-C])$", timeout: .seconds(3))
        let result = try await Self.run(bed, routes: Self.matrix, identity: probe)
        #expect(result.checks.count == Self.matrix.count)
        for check in result.checks { #expect(check.passed, "\(kind): \(check.message)") }
        let wrong = [Route(name: "path /b", request: RouteRequest(path: "/b"), expect: .targets(["A"]))]
        let failed = try await Self.run(bed, routes: wrong, identity: probe)
        #expect(failed.checks.first?.observed == "101 from B")
        #expect(failed.checks.first?.passed == false)
        let silent = IdentitySource.firstMessage(pattern: "(.+)", timeout: .milliseconds(300))
        let unprompted = try await Self.run(bed, routes: wrong, identity: silent)
        #expect(unprompted.checks.first?.observed == "101 without an identity in the first message")
    }

    @Test(
        "a proxy rule pointing at the wrong group fails exactly its row, naming expected and observed",
        arguments: ALBStandInKind.allCases
    )
    func wrongRuleFailsItsRow(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, tls: false) { configuration in
            configuration.rules = configuration.rules.map { rule in
                guard case .header = rule.condition else { return rule }
                return ALBRule(rule.condition, .forward(group: "b"))
            }
        }
        defer { bed.stop() }
        let result = try await Self.run(bed, routes: Self.matrix)
        let failed = result.checks.filter { !$0.passed }
        #expect(failed.map(\.name) == ["route header X-Route c"])
        let check = try #require(failed.first)
        #expect(check.expected == "101 from C")
        #expect(check.observed == "101 from B")
        #expect(check.code == "route.mismatch")
        #expect(check.message.contains("expected 101 from C, observed 101 from B"), "\(check.message)")
        #expect(!result.passed)
    }

    @Test(
        "the weight check accepts the configured 3:1 and rejects a 1:1 expectation",
        arguments: ALBStandInKind.allCases
    )
    func weights(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, tls: false)
        defer { bed.stop() }
        let base = try Self.base(bed, path: "/weighted")
        let group = MultiThreadedEventLoopGroup.singleton
        let right = WeightExpectation(
            targets: [.init(target: "A", weight: 3), .init(target: "B", weight: 1)],
            connections: 200
        )
        let accepted = await WeightCheck.run(right, base: base, identity: .header("X-Wsprobe-Target"), on: group)
        #expect(accepted.check.passed, "\(kind): \(accepted.check.message)")
        #expect(accepted.identities.values.reduce(0, +) == 200)
        #expect((accepted.identities["A"] ?? 0) > 2 * (accepted.identities["B"] ?? 0))
        #expect(accepted.check.name == "weights")

        let wrong = WeightExpectation(
            targets: [.init(target: "A", weight: 1), .init(target: "B", weight: 1)],
            connections: 200
        )
        let rejected = await WeightCheck.run(wrong, base: base, identity: nil, on: group)
        #expect(!rejected.check.passed, "\(kind): \(rejected.check.message)")
        #expect(rejected.check.code == "weights.mismatch")
        #expect(rejected.distribution?.fits == false)
    }
}
