import ALBEmulator
import Scenario
import TestSupport
import Testing
import WSProtocol

/// A rule of the emulation: Scenario's embedded rule, whose match is a `RouteRequest`.
typealias Rule = EmbeddedTargets.Rule

/// The emulated ALB's rule evaluation, pure: each condition kind, order, first match, globs, and no match.
@Suite("Embedded ALB rule matching")
struct ALBRouterTests {
    static let targets: [EmbeddedTargets.Member] = [.init(id: "a"), .init(id: "b"), .init(id: "c")]

    static func request(
        _ target: String = "/ws",
        method: String = "GET",
        headers: HTTPHeaderFields = ["Host": "127.0.0.1:8080", "Upgrade": "websocket"]
    ) -> ALBRequest {
        ALBRequest(head: UpgradeRequestHead(method: method, target: target, headers: headers))
    }

    static func decide(_ request: ALBRequest, _ rules: [Rule]) -> ALBDecision {
        ALBRouter.decide(request, rules: rules, targets: Self.targets)
    }

    @Test("host is compared case-insensitively and without the port")
    func host() {
        let rules = [Rule(name: "h", match: RouteRequest(host: "Chat.Example.test"), action: .forward(["a"]))]
        let matching = Self.request(headers: ["Host": "chat.EXAMPLE.test:8443"])
        #expect(Self.decide(matching, rules) == .forward(rule: "h", targets: ["a"]))
        #expect(Self.decide(Self.request(headers: ["Host": "other.example.test"]), rules) == .noRule)
        #expect(Self.decide(Self.request(headers: [:]), rules) == .noRule)
        let ipv6 = Rule(match: RouteRequest(host: "::1"), action: .status(403))
        #expect(Self.decide(Self.request(headers: ["Host": "[::1]:80"]), [ipv6]) == .status(rule: nil, code: 403))
    }

    @Test("path is exact without wildcards and ignores the query")
    func exactPath() {
        let rules = [Rule(match: RouteRequest(path: "/admin"), action: .status(403))]
        #expect(Self.decide(Self.request("/admin?x=1"), rules) == .status(rule: nil, code: 403))
        #expect(Self.decide(Self.request("/admin/"), rules) == .noRule)
        #expect(Self.decide(Self.request("/Admin"), rules) == .noRule)
    }

    @Test(
        "path globs: * is any run, ? one character",
        arguments: [
            ("/api/*", "/api/stream", true), ("/api/*", "/api/", true), ("/api/*", "/api", false),
            ("/api/*", "/apix/stream", false), ("*", "/anything/at/all", true), ("/v?/ws", "/v1/ws", true),
            ("/v?/ws", "/v10/ws", false), ("/a*b*c", "/axxbyyc", true), ("/a*b*c", "/axxbyy", false),
            ("/*.json", "/x/y.json", true), ("/**", "/", true),
        ] as [(String, String, Bool)]
    )
    func glob(pattern: String, path: String, expected: Bool) {
        #expect(RouteRequest.glob(pattern, matches: path) == expected)
    }

    @Test("query parameters must be present with the percent-decoded value")
    func query() {
        let rules = [Rule(match: RouteRequest(query: [.init("target", "a b")]), action: .forward(["a"]))]
        #expect(Self.decide(Self.request("/x?z=1&target=a%20b"), rules) == .forward(rule: nil, targets: ["a"]))
        #expect(Self.decide(Self.request("/x?target=a"), rules) == .noRule)
        #expect(Self.decide(Self.request("/x"), rules) == .noRule)
    }

    @Test("header names are case-insensitive, values exact, any repeated field may match")
    func headers() {
        let rules = [Rule(match: RouteRequest(headers: [.init("X-Beta", "1")]), action: .forward(["c"]))]
        var headers: HTTPHeaderFields = ["Host": "x", "x-beta": "1"]
        #expect(Self.decide(Self.request(headers: headers), rules) == .forward(rule: nil, targets: ["c"]))
        headers = ["Host": "x", "X-Beta": "0", "X-BETA": "1"]
        #expect(Self.decide(Self.request(headers: headers), rules) == .forward(rule: nil, targets: ["c"]))
        #expect(Self.decide(Self.request(headers: ["Host": "x", "X-Beta": "10"]), rules) == .noRule)
    }

    @Test("cookies are read from every Cookie field, quoted values unquoted")
    func cookies() {
        let rules = [Rule(match: RouteRequest(cookies: [.init("grp", "b")]), action: .forward(["b"]))]
        let plain: HTTPHeaderFields = ["Cookie": "session=1; grp=b"]
        #expect(Self.decide(Self.request(headers: plain), rules) == .forward(rule: nil, targets: ["b"]))
        let split: HTTPHeaderFields = ["Cookie": "session=1", "Cookie": "grp=\"b\""]
        #expect(Self.decide(Self.request(headers: split), rules) == .forward(rule: nil, targets: ["b"]))
        #expect(Self.decide(Self.request(headers: ["Cookie": "grp=bb"]), rules) == .noRule)
        #expect(Self.decide(Self.request(headers: ["X-Grp": "grp=b"]), rules) == .noRule)
    }

    @Test("method and Upgrade spelling are compared exactly")
    func methodAndUpgrade() {
        let rules = [
            Rule(name: "post", match: RouteRequest(method: "POST"), action: .status(405)),
            Rule(name: "mixed", match: RouteRequest(upgradeHeader: "WebSocket"), action: .forward(["b"])),
        ]
        #expect(Self.decide(Self.request(method: "POST"), rules) == .status(rule: "post", code: 405))
        #expect(Self.decide(Self.request(method: "post"), rules) == .noRule)
        let mixed: HTTPHeaderFields = ["Upgrade": "WebSocket"]
        #expect(Self.decide(Self.request(headers: mixed), rules) == .forward(rule: "mixed", targets: ["b"]))
        #expect(Self.decide(Self.request(), rules) == .noRule)
    }

    @Test("every condition of one match must hold")
    func conjunction() {
        let match = RouteRequest(host: "a.test", path: "/x", headers: [.init("X-K", "v")])
        let rules = [Rule(match: match, action: .forward(["a"]))]
        #expect(Self.decide(Self.request("/x", headers: ["Host": "a.test", "X-K": "v"]), rules) != .noRule)
        #expect(Self.decide(Self.request("/y", headers: ["Host": "a.test", "X-K": "v"]), rules) == .noRule)
        #expect(Self.decide(Self.request("/x", headers: ["Host": "b.test", "X-K": "v"]), rules) == .noRule)
        #expect(Self.decide(Self.request("/x", headers: ["Host": "a.test"]), rules) == .noRule)
    }

    @Test("rules are tried in order and the first match wins; an empty match matches everything")
    func order() {
        let rules = [
            Rule(name: "chat", match: RouteRequest(host: "chat.example.test"), action: .forward(["a"])),
            Rule(name: "api", match: RouteRequest(path: "/api/*"), action: .forward(["b"])),
            Rule(name: "old", match: RouteRequest(path: "/v1/ws"), action: .redirect("/v2/ws")),
            Rule(name: "default", action: .forward(["a", "b"])),
            Rule(name: "never", match: RouteRequest(path: "/api/x"), action: .status(418)),
        ]
        let both = Self.request("/api/x", headers: ["Host": "chat.example.test"])
        #expect(Self.decide(both, rules) == .forward(rule: "chat", targets: ["a"]))
        #expect(Self.decide(Self.request("/api/x"), rules) == .forward(rule: "api", targets: ["b"]))
        #expect(Self.decide(Self.request("/v1/ws"), rules) == .redirect(rule: "old", location: "/v2/ws"))
        #expect(Self.decide(Self.request("/other"), rules) == .forward(rule: "default", targets: ["a", "b"]))
    }

    @Test("no rules forward to all targets; rules without a match answer 404")
    func defaults() {
        #expect(Self.decide(Self.request(), []) == .forward(rule: nil, targets: ["a", "b", "c"]))
        let rules = [Rule(match: RouteRequest(path: "/only"), action: .forward(["a"]))]
        #expect(Self.decide(Self.request("/elsewhere"), rules) == .noRule)
    }

    @Test("an absolute-form request target is reduced to its path and query")
    func absoluteForm() {
        let request = Self.request("http://example.test:80/api/x?target=a")
        #expect(request.path == "/api/x")
        #expect(request.query == [.init("target", "a")])
        #expect(Self.request("http://example.test").path == "/")
    }

    @Test("weighted picks follow the weights, never choose weight 0, and fail with no positive weight")
    func pick() {
        var generator = SplitMix64(seed: 42)
        let candidates = [("a", 3), ("b", 1), ("z", 0)]
        var counts: [String: Int] = [:]
        for _ in 0..<4000 {
            let picked = ALBRouter.pick(candidates, weight: { $0.1 }, using: &generator)
            counts[picked?.0 ?? "none", default: 0] += 1
        }
        #expect(counts["z"] == nil)
        #expect(counts["none"] == nil)
        // Expected 3000 : 1000; the binomial standard deviation is about 27, so ±200 cannot flake.
        #expect((2800...3200).contains(counts["a"] ?? 0), "\(counts)")
        #expect(ALBRouter.pick([("z", 0)], weight: { $0.1 }, using: &generator) == nil)
        #expect(ALBRouter.pick([(String, Int)](), weight: { $0.1 }, using: &generator) == nil)
    }
}
