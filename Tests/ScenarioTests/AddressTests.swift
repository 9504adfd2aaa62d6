import Scenario
import Testing

@Suite("Source addresses and resolve overrides")
struct AddressTests {
    @Test("An IPv4 range expands inclusively; single addresses of both families are kept")
    func sourceRanges() throws {
        let scenario = try #require(
            load("name: x\ntarget: {source: [10.0.0.254-10.0.1.1, 192.0.2.7, \"2001:db8::1\"]}").scenario
        )
        #expect(
            scenario.target.source == ["10.0.0.254", "10.0.0.255", "10.0.1.0", "10.0.1.1", "192.0.2.7", "2001:db8::1"]
        )
        let single = try #require(load("name: x\ntarget: {source: 127.0.0.2-127.0.0.2}").scenario)
        #expect(single.target.source == ["127.0.0.2"])
    }

    @Test(
        "Malformed source entries are scenario.address errors",
        arguments: [
            "127.0.0.20-127.0.0.2", "10.0.0.0-10.1.0.0", "1.2.3", "1.2.3.4.5", "01234.1.1.1", "a.b.c.d",
            "1.2.3.4-", "::1-::2", "1:2:3:4:5:6:7:8:9", "1::2::3", "fe80::zz", "localhost",
        ]
    )
    func badSources(entry: String) {
        #expect(problems("name: x\ntarget: {source: \"\(entry)\"}") == ["2:18 scenario.address"])
    }

    @Test(
        "Resolve entries accept IPv4 and bracketed or bare IPv6 addresses",
        arguments: [
            ("h:80:1.2.3.4", "h", 80, "1.2.3.4"), ("h.example:443:[::1]", "h.example", 443, "::1"),
            ("h:1:fe80::1", "h", 1, "fe80::1"), ("h:65535:::ffff:1.2.3.4", "h", 65535, "::ffff:1.2.3.4"),
        ] as [(String, String, Int, String)]
    )
    func resolve(entry: String, host: String, port: Int, address: String) throws {
        let scenario = try #require(load("name: x\ntarget: {resolve: \"\(entry)\"}").scenario)
        #expect(scenario.target.resolve == [ResolveOverride(host: host, port: port, address: address)])
    }

    @Test(
        "Malformed resolve entries are scenario.address errors",
        arguments: ["h:0:1.2.3.4", ":80:1.2.3.4", "h:80", "h:x:1.2.3.4", "h:80:"]
    )
    func badResolve(entry: String) {
        #expect(problems("name: x\ntarget: {resolve: \"\(entry)\"}") == ["2:19 scenario.address"])
    }

    @Test("Relative paths resolve against the scenario's folder")
    func paths() throws {
        let scenario = try #require(ScenarioLoader().load(yaml: "name: x", file: "scenarios/tls.yaml").scenario)
        #expect(scenario.resolvePath("certs/ca.pem") == "scenarios/certs/ca.pem")
        #expect(scenario.resolvePath("/etc/ca.pem") == "/etc/ca.pem")
    }

    @Test("The validate summary names steps, load, target and thresholds")
    func summary() throws {
        let yaml = """
            name: s
            duration: 30s
            load: {arrivalRate: 20/s}
            target: {url: "ws://h/x"}
            steps: [{repeat: {times: 2, steps: [ping, expect]}}]
            thresholds: ["count(errors) == 0"]
            """
        let scenario = try #require(load(yaml).scenario)
        #expect(scenario.summary == "s: 3 steps, open load up to 20/s new connections, for 30s, ws://h/x, 1 threshold")
    }
}
