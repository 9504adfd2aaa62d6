import TestSupport
import Testing

/// One test bed per proxy (backends A, B, C, a plain HTTP backend, TLS), shared by the proxy tests;
/// the watchdogs stop them when the test process ends.
private let sharedBeds = Task {
    async let haproxy = ALBTestBed.start(.haproxy)
    async let nginx = ALBTestBed.start(.nginx)
    return try await [ALBStandInKind.haproxy: haproxy, .nginx: nginx]
}

private func sharedProxy(_ kind: ALBStandInKind) async throws -> any ALBStandIn {
    try #require(try await sharedBeds.value[kind]).proxy
}

/// HAProxy and nginx as ALB stand-ins, driven by raw sockets and Python's ssl module.
extension PeerHarnessTests {
    private func send(
        _ proxy: any ALBStandIn,
        path: String,
        host: String = "127.0.0.1",
        headers: [String] = [],
        upgrade: Bool = true
    ) throws -> RawHTTPResponse {
        let connection = try RawTCPConnection(port: proxy.httpPort)
        try connection.write(
            RawTCPConnection.upgradeRequest(
                path: path,
                host: host,
                headers: headers + (upgrade ? [] : ["Connection: close"]),
                upgrade: upgrade
            )
        )
        return try connection.readResponse()
    }

    @Test("the proxy answers /health with 200 and /static with the fixed 503", arguments: ALBStandInKind.allCases)
    func proxyFixedResponses(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        let health = try send(proxy, path: "/health", upgrade: false)
        #expect(health.status == 200)
        #expect(health.bodyText == ALBStandInConfiguration.healthPage)
        #expect(health.header("Content-Type")?.hasPrefix("text/html") == true)
        let upgradeToHealth = try send(proxy, path: "/health")
        #expect(upgradeToHealth.status == 200)
        let fixed = try send(proxy, path: "/static")
        #expect(fixed.status == 503)
        #expect(fixed.bodyText == ALBStandInConfiguration.standard(a: 1, b: 1, c: 1).staticBody)
    }

    @Test("the proxy answers /dead with 502 or 503 and an unmatched path with 404", arguments: ALBStandInKind.allCases)
    func proxyDeadAndUnmatched(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        #expect(!LoopbackPort.isAccepting(proxy.deadBackendPort))
        let dead = try send(proxy, path: "/dead")
        #expect(dead.status == (kind == .nginx ? 502 : 503))
        let unmatched = try send(proxy, path: "/nothing-here")
        #expect(unmatched.status == 404)
        #expect(unmatched.bodyText == ALBStandInConfiguration.noRuleBody)
    }

    @Test(
        "the proxy passes the /ws upgrade to backend A and its 101 identity header",
        arguments: ALBStandInKind.allCases
    )
    func proxyUpgrade(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        let connection = try RawTCPConnection(port: proxy.httpPort)
        try connection.write(RawTCPConnection.upgradeRequest(path: "/ws"))
        let response = try connection.readResponse()
        #expect(response.status == 101)
        #expect(response.identity == "A")
        #expect(response.header("Sec-WebSocket-Accept") == RawTCPConnection.sampleAccept)
        try connection.writeFrame(opcode: 0x1, payload: Array("whoami".utf8))
        #expect(try connection.readFrame().payload == Array("A".utf8))
    }

    @Test(
        "/stripped removes the upgrade headers and /plain reaches a plain HTTP backend",
        arguments: ALBStandInKind.allCases
    )
    func proxyBrokenUpgrades(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        let stripped = try send(proxy, path: "/stripped")
        #expect(stripped.status == 426)
        let plain = try send(proxy, path: "/plain")
        #expect(plain.status == 200)
        #expect(plain.bodyText == "plain HTTP backend\n")
    }

    @Test(
        "host, path, header, query and cookie rules reach the right backend",
        arguments: ALBStandInKind.allCases
    )
    func proxyRouting(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        #expect(try send(proxy, path: "/", host: "a.example").identity == "A")
        #expect(try send(proxy, path: "/", host: "A.Example:8080").identity == "A")
        #expect(try send(proxy, path: "/b/chat").identity == "B")
        #expect(try send(proxy, path: "/", headers: ["X-Route: c"]).identity == "C")
        #expect(try send(proxy, path: "/?target=a").identity == "A")
        #expect(try send(proxy, path: "/", headers: ["Cookie: theme=dark; grp=b"]).identity == "B")
        let fixed = try send(proxy, path: "/fixed")
        #expect(fixed.status == 418 && fixed.bodyText == "fixed by rule")
        // Order matters: the host rule comes before the header rule.
        #expect(try send(proxy, path: "/", host: "a.example", headers: ["X-Route: c"]).identity == "A")
        // Near misses fall through to 404.
        #expect(try send(proxy, path: "/", headers: ["X-Route: cc"]).status == 404)
        #expect(try send(proxy, path: "/?target=b").status == 404)
    }

    @Test("the weighted group splits 3:1 between A and B", arguments: ALBStandInKind.allCases)
    func proxyWeights(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        var counts: [String: Int] = [:]
        for _ in 0..<8 {
            let identity = try send(proxy, path: "/weighted").identity ?? "none"
            counts[identity, default: 0] += 1
        }
        #expect(counts == ["A": 6, "B": 2])
    }

    @Test(
        "TLS termination with the test CA's certificate forwards upgrades and answers /health",
        arguments: ALBStandInKind.allCases
    )
    func proxyTLS(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        let port = try #require(proxy.httpsPort)
        let upgrade = try await TLSRequest.send(port: port, path: "/ws", upgrade: true)
        #expect(upgrade.status == 101 && upgrade.identity == "A")
        let routed = try await TLSRequest.send(port: port, path: "/", headers: ["X-Route: c"], upgrade: true)
        #expect(routed.identity == "C")
        let health = try await TLSRequest.send(port: port, path: "/health")
        #expect(health.status == 200 && health.bodyText == ALBStandInConfiguration.healthPage)
    }

    @Test(
        "/idle closes an idle tunnel after its short timeout while /ws stays open",
        arguments: ALBStandInKind.allCases
    )
    func proxyIdleTimeout(kind: ALBStandInKind) async throws {
        let proxy = try await sharedProxy(kind)
        let idle = try RawTCPConnection(port: proxy.httpPort)
        try idle.write(RawTCPConnection.upgradeRequest(path: "/idle"))
        #expect(try idle.readResponse().status == 101)
        let steady = try RawTCPConnection(port: proxy.httpPort)
        try steady.write(RawTCPConnection.upgradeRequest(path: "/ws"))
        #expect(try steady.readResponse().status == 101)

        #expect(try await !idle.waitForPeerClose(within: 1))  // the timeout is 2 s
        #expect(try await idle.waitForPeerClose(within: 6))
        try steady.writeFrame(opcode: 0x1, payload: Array("still open".utf8))
        #expect(try steady.readFrame().payload == Array("still open".utf8))
    }

    @Test("a deliberately wrong rule sends the request to the wrong backend", arguments: ALBStandInKind.allCases)
    func proxyWrongRule(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, tls: false) { configuration in
            configuration.rules[2] = ALBRule(.header(name: "X-Route", value: "c"), .forward(group: "b"))
        }
        defer { bed.stop() }
        #expect(bed.proxy.httpsPort == nil)
        #expect(bed.proxy.url("/ws", tls: true) == nil)
        #expect(try send(bed.proxy, path: "/", headers: ["X-Route: c"]).identity == "B")
        #expect(try send(bed.proxy, path: "/b").identity == "B")
    }

    @Test("configurations that cannot be rendered safely are rejected")
    func invalidConfiguration() {
        var unknownGroup = ALBStandInConfiguration.standard(a: 1, b: 2, c: 3)
        unknownGroup.rules.append(ALBRule(.pathPrefix("/x"), .forward(group: "nope")))
        #expect(throws: PeerError.self) { try unknownGroup.validate() }
        var injected = ALBStandInConfiguration.standard(a: 1, b: 2, c: 3)
        injected.rules.append(ALBRule(.header(name: "X-Route", value: "c\"; evil"), .forward(group: "a")))
        #expect(throws: PeerError.self) { try injected.validate() }
        #expect(throws: Never.self) { try ALBStandInConfiguration.standard(a: 1, b: 2, c: 3).validate() }
    }
}
