import Foundation
import LoadMetrics
import NIOPosix
import Probes
import RunResults
import Scenario
import Testing
import WSProtocol
import WSTransport

/// How routing rows become upgrade requests, and how observations are judged against expectations.
@Suite("Routing rows: request building and evaluation")
struct RoutingRequestTests {
    static func base() throws -> ConnectOptions {
        var options = ConnectOptions(url: try WebSocketURL("ws://127.0.0.1:8080/ws?v=1&target=b"))
        options.headers.append(name: "X-Base", value: "1")
        options.headers.append(name: "Cookie", value: "grp=a; session=s1")
        return options
    }

    @Test("path, query, host, headers and cookies of a row are applied on top of the target request")
    func appliesDifferences() throws {
        let request = RouteRequest(
            host: "a.example",
            path: "/b/chat",
            query: [KeyValue("target", "a"), KeyValue("x y", "1&2")],
            headers: [KeyValue("x-base", "2"), KeyValue("X-Route", "c")],
            cookies: [KeyValue("grp", "b")]
        )
        let options = try RouteRequestBuilder.options(for: request, base: try Self.base())
        #expect(options.url.target == "/b/chat?v=1&target=a&x%20y=1%262")
        #expect(options.url.host == "127.0.0.1")
        #expect(options.url.port == 8080)
        #expect(options.headers.values(named: "X-Base") == ["2"])
        #expect(options.headers["X-Route"] == "c")
        #expect(options.headers["Host"] == "a.example")
        #expect(options.headers.values(named: "Cookie") == ["session=s1; grp=b"])
        #expect(options.serverName == nil)  // plain ws: no SNI
    }

    @Test("an empty row sends the target request unchanged")
    func emptyRowKeepsBase() throws {
        let base = try Self.base()
        let options = try RouteRequestBuilder.options(for: RouteRequest(), base: base)
        #expect(options.url == base.url)
        #expect(options.headers == base.headers)
    }

    @Test("over TLS a Host override becomes the SNI unless a server name is configured")
    func hostBecomesServerName() throws {
        var base = ConnectOptions(url: try WebSocketURL("wss://127.0.0.1:8443/ws"))
        let row = RouteRequest(host: "api.example.com:8443")
        #expect(try RouteRequestBuilder.options(for: row, base: base).serverName == "api.example.com")
        base.serverName = "localhost"
        #expect(try RouteRequestBuilder.options(for: row, base: base).serverName == "localhost")
    }

    @Test("a row's method and Upgrade spelling are sent exactly as written")
    func methodAndUpgradeAsWritten() throws {
        let request = RouteRequest(path: "/b", method: "POST", upgradeHeader: "WebSocket")
        let options = try RouteRequestBuilder.options(for: request, base: try Self.base())
        #expect(options.method == "POST")
        #expect(options.upgrade == "WebSocket")
        #expect(options.url.target == "/b?v=1&target=b")
        let plain = try RouteRequestBuilder.options(for: RouteRequest(), base: try Self.base())
        #expect(plain.method == "GET")
        #expect(plain.upgrade == "websocket")
    }

    @Test(
        "a method that is not a token or an Upgrade value that is not a protocol fails its row before sending",
        arguments: [RouteRequest(method: "PO ST"), RouteRequest(method: ""), RouteRequest(upgradeHeader: "web socket")]
    )
    func invalidRow(request: RouteRequest) async throws {
        #expect(throws: RouteRequestBuilder.InvalidRow.self) {
            try RouteRequestBuilder.options(for: request, base: try Self.base())
        }
        let route = Route(name: "odd", request: request, expect: .status(405))
        let check = await RouteCheck.run(
            route,
            base: try Self.base(),
            identity: nil,
            on: MultiThreadedEventLoopGroup.singleton
        )
        #expect(!check.passed)
        #expect(check.code == "route.invalid-request")
        #expect(check.name == "route odd")
        #expect(check.message.hasPrefix("Route 'odd' was not run: "), "\(check.message)")
    }

    @Test("GET and the canonical websocket spelling are accepted")
    func canonicalAccepted() throws {
        let request = RouteRequest(method: "GET", upgradeHeader: "websocket")
        #expect(try RouteRequestBuilder.options(for: request, base: try Self.base()).url.target == "/ws?v=1&target=b")
    }

    static func upgraded(_ identity: String?, header: String = "x-wsprobe-target") -> RouteObservation {
        var headers = HTTPHeaderFields()
        if let identity { headers.append(name: header, value: identity) }
        return .upgraded(headers: headers, messageIdentity: nil)
    }

    @Test("the identity header is read case-insensitively and compared as given")
    func targetsExpectation() {
        let route = Route(name: "c", request: RouteRequest(), expect: .targets(["C"]))
        let pass = RouteCheck.evaluate(route, observation: Self.upgraded("C"), identity: .header("X-Wsprobe-Target"))
        #expect(pass.passed)
        #expect(pass.code == nil)
        let wrong = RouteCheck.evaluate(route, observation: Self.upgraded("B"), identity: .header("X-Wsprobe-Target"))
        #expect(!wrong.passed)
        #expect(wrong.message == "Route 'c' misrouted: expected 101 from C, observed 101 from B.")
        #expect(wrong.code == "route.mismatch")
        let lower = RouteCheck.evaluate(route, observation: Self.upgraded("c"), identity: .header("X-Wsprobe-Target"))
        #expect(!lower.passed)
        let none = RouteCheck.evaluate(route, observation: Self.upgraded(nil), identity: .header("X-Wsprobe-Target"))
        #expect(!none.passed)
        #expect(none.observed == "101 without a X-Wsprobe-Target header")
        let refused = RouteCheck.evaluate(
            route,
            observation: .failed(code: "tcp.refused", message: "Connection refused."),
            identity: .header("X-Wsprobe-Target")
        )
        #expect(!refused.passed)
        #expect(refused.code == "tcp.refused")
    }

    @Test("status and redirect expectations compare the status and the Location")
    func statusAndRedirect() {
        let fixed = Route(name: "fixed", request: RouteRequest(), expect: .status(418))
        #expect(RouteCheck.evaluate(fixed, observation: .status(418, headers: [:]), identity: .header("X")).passed)
        let upgradedInstead = RouteCheck.evaluate(
            fixed,
            observation: Self.upgraded("A"),
            identity: .header("x-wsprobe-target")
        )
        #expect(!upgradedInstead.passed)
        #expect(upgradedInstead.message.contains("expected 418, observed 101 from A"))
        let moved = Route(name: "moved", request: RouteRequest(), expect: .redirect(location: "/v2/ws"))
        let right: HTTPHeaderFields = ["Location": "/v2/ws"]
        let other: HTTPHeaderFields = ["Location": "/v3/ws"]
        #expect(RouteCheck.evaluate(moved, observation: .status(301, headers: right), identity: .header("X")).passed)
        let wrong = RouteCheck.evaluate(moved, observation: .status(302, headers: other), identity: .header("X"))
        #expect(!wrong.passed)
        #expect(wrong.observed == "302 → /v3/ws")
        #expect(!RouteCheck.evaluate(moved, observation: .status(200, headers: right), identity: .header("X")).passed)
    }

    @Test("a probe or first-message identity comes from the reply: capture group 1, else the whole match")
    func messageIdentity() {
        #expect(RouteIdentity.match("id=(\\w+)", in: "hello id=B7 bye") == "B7")
        #expect(RouteIdentity.match("[A-C]", in: "target C") == "C")
        #expect(RouteIdentity.match("id=(\\w+)", in: "nothing here") == nil)
        #expect(RouteIdentity.match("(", in: "(") == nil)
        let reader = RouteIdentity(.probe(message: "whoami", pattern: "(.+)", timeout: .seconds(1)))
        let route = Route(name: "c", request: RouteRequest(), expect: .targets(["C"]))
        let headers: HTTPHeaderFields = ["X-Wsprobe-Target": "B"]
        let pass = RouteCheck.evaluate(
            route,
            observation: .upgraded(headers: headers, messageIdentity: "C"),
            identity: reader
        )
        #expect(pass.passed)
        let none = RouteCheck.evaluate(
            route,
            observation: .upgraded(headers: headers, messageIdentity: nil),
            identity: reader
        )
        #expect(!none.passed)
        #expect(none.observed == "101 without an identity in the reply to 'whoami'")
        #expect(RouteIdentity(nil) == .header("X-Wsprobe-Target"))
    }

    @Test("routing checks join a result before its own, fail a passed verdict, and leave the load metrics alone")
    func applyToResult() {
        var routing = RoutingRun.Result()
        routing.checks = [CheckOutcome(name: "route a", passed: false, message: "misrouted")]
        routing.identities = ["A": 3, "B": 1]
        let start = Date(timeIntervalSince1970: 1_767_323_045)
        var result = RunResult(
            tool: ToolInfo(version: "0.1.0"),
            commandLine: ["wsprobe", "run", "routes.yaml"],
            kind: .run,
            scenarioName: "routes",
            environment: RunEnvironment(
                hostname: "h1",
                cores: 2,
                openFilesSoftLimit: 1024,
                openFilesHardLimit: 4096,
                operatingSystem: "Linux 6.1.0",
                startedAt: start,
                endedAt: start.addingTimeInterval(1),
                durationSeconds: 1
            ),
            checks: [CheckOutcome(name: "upgrade.status", passed: true, message: "ok")]
        )
        #expect(result.verdict == .passed)
        routing.apply(to: &result)
        #expect(result.checks.map(\.name) == ["route a", "upgrade.status"])
        #expect(result.verdict == .failed)
        #expect(result.metrics.targetIdentities.isEmpty, "the weight check's connections are not load connections")
        #expect(result.weightCheck == nil)
        routing.distribution = WeightDistribution.evaluate(
            observed: routing.identities,
            weights: [(target: "A", weight: 1), (target: "B", weight: 1)]
        )
        routing.apply(to: &result)
        #expect(result.weightCheck == routing.distribution)
    }

    @Test("the weight check's message names missing and unexpected targets")
    func weightMessageFlags() {
        let distribution = WeightDistribution.evaluate(
            observed: ["A": 150, "D": 8],
            weights: [(target: "A", weight: 1), (target: "C", weight: 1)]
        )
        let check = WeightCheck.outcome(distribution, failures: WeightCheckFailures(), total: 158)
        #expect(!check.passed)
        #expect(check.code == "weights.mismatch")
        #expect(check.message.contains("Target 'C' (weight 1, expected 75) served no connection"), "\(check.message)")
        #expect(check.message.contains("Target 'D' served 8 connection(s) but is not in the configured group."))
    }
}
