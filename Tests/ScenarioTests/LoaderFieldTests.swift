import Scenario
import Testing

@Suite("Every scenario field is parsed")
struct LoaderFieldTests {
    static let full = """
        name: full
        description: Every field.
        target:
          url: wss://ws.example.com:8443/chat
          headers: {Authorization: Bearer x, X-Empty: }
          cookies: {session: abc}
          query: {room: "1"}
          subprotocols: [chat.v2, chat.v1]
          deflate:
            clientNoContextTakeover: true
            serverNoContextTakeover: true
            clientMaxWindowBits: 12
            serverMaxWindowBits: 10
          tls:
            cacert: ca.pem
            cert: client.pem
            key: client.key
            insecure: true
            minVersion: "1.3"
            serverName: ws.internal
          resolve: ["ws.example.com:8443:127.0.0.1", "v6.example.com:443:[::1]"]
          source: [127.0.0.2-127.0.0.4, "::1"]
          timeouts: {dns: 1s, connect: 2s, tls: 3s, upgrade: 4s, close: 500ms}
        expect:
          status: 101
          subprotocol: chat.v2
          extension: permessage-deflate
          headers:
            X-Served-By: a
            Server: {regex: "^nginx"}
            X-Trace: {present: true}
        identity:
          probe: whoami
          match: "id=(\\\\w+)"
          timeout: 2s
        duration: 2m
        load:
          model: closed
          connections: 500
          rampUp: 30s
          hold: 1m
          rampDown: 10s
          churn:
            lifetime: 45s
            reconnect: {min: 50ms, max: 2s, jitter: 25%, maxAttempts: 7}
          messages: {rate: 12000/m, per: total, spacing: poisson}
        steps:
          - send: {type: binary, size: 1KiB}
          - send: {template: "{{conn}}-{{seq}}-{{now}}-{{target}}"}
          - send: {text: plain}
          - send: {type: binary, file: payload.bin}
          - expect: {json: {path: "data.items[0].id", equals: 7}, timeout: 1s}
          - expect: {regex: "^ok"}
          - expect
          - ping: {payload: hi, timeout: 3s}
          - sleep: 1.5s
          - repeat:
              times: 3
              steps:
                - send: x
                - repeat: {for: 10s, steps: [ping]}
          - close: {code: 4000, reason: bye}
        routes:
          - name: r1
            request:
              host: h.example.com
              path: /p
              query: {a: "1"}
              headers: {X-A: b}
              cookies: {c: d}
              method: POST
              upgradeHeader: WebSocket
            expect: {targets: [a, b]}
          - name: r2
            expect: {status: 403}
          - name: r3
            expect: {redirect: "https://x/y"}
          - name: r4
            expect: {target: c}
        weights:
          targets: {a: 2, b: 1}
          connections: 120
          significance: 0.05
        thresholds:
          - p99(message_rtt) < 50ms
          - threshold: rate(upgrade_ok) >= 99.9%
            abortOnFail: true
        output:
          dir: out/full
          formats: [json, junit]
        """

    @Test("A scenario using every field loads without diagnostics")
    func noDiagnostics() {
        #expect(problems(Self.full) == [])
    }

    @Test("Target fields")
    func target() throws {
        let scenario = try #require(load(Self.full).scenario)
        let target = scenario.target
        #expect(scenario.name == "full")
        #expect(scenario.description == "Every field.")
        #expect(scenario.sourceFile == "test.yaml")
        #expect(target.url == "wss://ws.example.com:8443/chat")
        #expect(target.headers == [KeyValue("Authorization", "Bearer x"), KeyValue("X-Empty", "")])
        #expect(target.cookies == [KeyValue("session", "abc")])
        #expect(target.query == [KeyValue("room", "1")])
        #expect(target.subprotocols == ["chat.v2", "chat.v1"])
        #expect(
            target.deflate
                == DeflateOffer(
                    clientNoContextTakeover: true,
                    serverNoContextTakeover: true,
                    clientMaxWindowBits: 12,
                    serverMaxWindowBits: 10
                )
        )
        #expect(
            target.tls
                == TLSOptions(
                    caCertificate: "ca.pem",
                    certificate: "client.pem",
                    key: "client.key",
                    insecure: true,
                    minVersion: .tls13,
                    serverName: "ws.internal"
                )
        )
        #expect(
            target.resolve == [
                ResolveOverride(host: "ws.example.com", port: 8443, address: "127.0.0.1"),
                ResolveOverride(host: "v6.example.com", port: 443, address: "::1"),
            ]
        )
        #expect(target.source == ["127.0.0.2", "127.0.0.3", "127.0.0.4", "::1"])
        #expect(
            target.timeouts
                == Timeouts(
                    dns: .seconds(1),
                    connect: .seconds(2),
                    tls: .seconds(3),
                    upgrade: .seconds(4),
                    close: .milliseconds(500)
                )
        )
        #expect(target.embedded == nil)
        #expect(scenario.resolvePath("ca.pem") == "ca.pem")
    }

    @Test("Upgrade expectation and identity")
    func expectations() throws {
        let scenario = try #require(load(Self.full).scenario)
        #expect(
            scenario.expect
                == UpgradeExpectation(
                    status: 101,
                    subprotocol: "chat.v2",
                    extension: "permessage-deflate",
                    headers: [
                        HeaderExpectation(name: "X-Served-By", match: .equals("a")),
                        HeaderExpectation(name: "Server", match: .regex("^nginx")),
                        HeaderExpectation(name: "X-Trace", match: .present),
                    ]
                )
        )
        #expect(scenario.identity == .probe(message: "whoami", pattern: "id=(\\w+)", timeout: .seconds(2)))
    }

    @Test("Closed load builds ramp, hold and ramp-down stages")
    func closedLoad() throws {
        let scenario = try #require(load(Self.full).scenario)
        #expect(scenario.duration == .seconds(120))
        guard case .closed(let closed) = scenario.load else {
            Issue.record("expected a closed load")
            return
        }
        #expect(closed.connections == 500)
        #expect(
            closed.stages == [
                .init(duration: .seconds(30), target: 500), .init(duration: .seconds(60), target: 500),
                .init(duration: .seconds(10), target: 0),
            ]
        )
        #expect(
            closed.churn
                == Churn(
                    lifetime: .seconds(45),
                    reconnect: Backoff(min: .milliseconds(50), max: .seconds(2), jitter: 0.25, maxAttempts: 7)
                )
        )
        #expect(closed.messages == MessageRate(rate: Rate(perSecond: 200), per: .total, spacing: .poisson))
        #expect(scenario.load.stagedDuration == .seconds(100))
    }

    @Test("Steps, with nesting, templates and JSON matches")
    func steps() throws {
        let scenario = try #require(load(Self.full).scenario)
        let template = PayloadTemplate(
            source: "{{conn}}-{{seq}}-{{now}}-{{target}}",
            parts: [
                .conn, .literal("-"), .seq, .literal("-"), .now, .literal("-"), .target,
            ]
        )
        let expected: [Step] = [
            .send(SendStep(type: .binary, payload: .size(1024))),
            .send(SendStep(type: .text, payload: .template(template))),
            .send(
                SendStep(type: .text, payload: .template(PayloadTemplate(source: "plain", parts: [.literal("plain")])))
            ),
            .send(SendStep(type: .binary, payload: .file("payload.bin"))),
            .expect(ExpectStep(match: .json(path: "data.items[0].id", value: .number(7)), timeout: .seconds(1))),
            .expect(ExpectStep(match: .regex("^ok"), timeout: .seconds(5))),
            .expect(ExpectStep()),
            .ping(payload: "hi", timeout: .seconds(3)),
            .sleep(.milliseconds(1500)),
            .repeat(
                RepeatStep(
                    limit: .times(3),
                    steps: [
                        .send(SendStep(payload: .template(PayloadTemplate(source: "x", parts: [.literal("x")])))),
                        .repeat(
                            RepeatStep(
                                limit: .duration(.seconds(10)),
                                steps: [.ping(payload: "", timeout: .seconds(5))]
                            )
                        ),
                    ]
                )
            ),
            .close(code: 4000, reason: "bye"),
        ]
        #expect(scenario.steps == expected)
        #expect(scenario.stepCount == 14)
        #expect(template.render(seq: 3, conn: 9, nowMilliseconds: 42, target: "a") == "9-3-42-a")
    }

    @Test("Routes, weights, thresholds and output")
    func checks() throws {
        let scenario = try #require(load(Self.full).scenario)
        #expect(
            scenario.routes == [
                Route(
                    name: "r1",
                    request: RouteRequest(
                        host: "h.example.com",
                        path: "/p",
                        query: [KeyValue("a", "1")],
                        headers: [KeyValue("X-A", "b")],
                        cookies: [KeyValue("c", "d")],
                        method: "POST",
                        upgradeHeader: "WebSocket"
                    ),
                    expect: .targets(["a", "b"])
                ),
                Route(name: "r2", request: RouteRequest(), expect: .status(403)),
                Route(name: "r3", request: RouteRequest(), expect: .redirect(location: "https://x/y")),
                Route(name: "r4", request: RouteRequest(), expect: .targets(["c"])),
            ]
        )
        #expect(
            scenario.weights
                == WeightExpectation(
                    targets: [.init(target: "a", weight: 2), .init(target: "b", weight: 1)],
                    connections: 120,
                    significance: 0.05
                )
        )
        #expect(scenario.weights?.expectedShares["a"] == 2.0 / 3.0)
        #expect(scenario.thresholds.map(\.source) == ["p99(message_rtt) < 50ms", "rate(upgrade_ok) >= 99.9%"])
        #expect(scenario.thresholds.map(\.abortOnFail) == [false, true])
        #expect(scenario.output == OutputOptions(directory: "out/full", formats: [.json, .junit]))
    }

    @Test("Open load with stages, start rate, cap and spacing")
    func openLoad() throws {
        let yaml = """
            name: open
            load:
              startRate: 5/s
              stages:
                - {duration: 10s, target: 50/s}
                - {duration: 20s, target: 50/s}
              maxConnections: 100
              spacing: poisson
              messages: {rate: 2/s}
            """
        let scenario = try #require(load(yaml).scenario)
        #expect(
            scenario.load
                == .open(
                    OpenLoad(
                        stages: [
                            .init(duration: .seconds(10), target: Rate(perSecond: 50)),
                            .init(duration: .seconds(20), target: Rate(perSecond: 50)),
                        ],
                        startRate: Rate(perSecond: 5),
                        maxConnections: 100,
                        spacing: .poisson,
                        messages: MessageRate(rate: Rate(perSecond: 2))
                    )
                )
        )
        #expect(scenario.plannedDuration == .seconds(30))
    }

    @Test("Open load with a constant arrival rate uses the scenario duration")
    func arrivalRate() throws {
        let scenario = try #require(load("name: a\nduration: 1m\nload: {arrivalRate: 20/s}").scenario)
        #expect(
            scenario.load
                == .open(
                    OpenLoad(
                        stages: [.init(duration: .seconds(60), target: Rate(perSecond: 20))],
                        startRate: Rate(perSecond: 20)
                    )
                )
        )
    }

    @Test("Closed stages given explicitly, and rampDown with hold derived from duration")
    func closedStages() throws {
        let explicit = try #require(
            load("name: s\nload:\n  stages: [{duration: 5s, target: 10}, {duration: 5s, target: 0}]").scenario
        )
        #expect(
            explicit.load
                == .closed(
                    ClosedLoad(
                        connections: 10,
                        stages: [.init(duration: .seconds(5), target: 10), .init(duration: .seconds(5), target: 0)]
                    )
                )
        )
        let derived = try #require(
            load("name: s\nduration: 1m\nload: {connections: 4, rampUp: 10s, rampDown: 20s}").scenario
        )
        guard case .closed(let closed) = derived.load else {
            Issue.record("expected closed")
            return
        }
        #expect(closed.stages.map(\.duration) == [.seconds(10), .seconds(30), .seconds(20)])
    }

    @Test("Defaults for a minimal scenario")
    func defaults() throws {
        let scenario = try #require(load("name: minimal").scenario)
        #expect(scenario.target == Target())
        #expect(scenario.target.url == nil)
        #expect(scenario.expect == UpgradeExpectation(status: 101))
        #expect(scenario.load == .closed(ClosedLoad(connections: 1, stages: [.init(duration: .zero, target: 1)])))
        #expect(scenario.steps.isEmpty)
        #expect(scenario.output.formats == [.json, .html, .junit, .console])
        #expect(scenario.plannedDuration == nil)
        #expect(scenario.summary == "minimal: 0 steps, closed load of 1 connection, embedded target, 0 thresholds")
    }

    @Test("Deflate true offers client_max_window_bits without a value; identity shorthands")
    func shorthands() throws {
        let yaml = """
            name: d
            target: {deflate: true, subprotocols: chat}
            identity: {firstMessage: "^id=(.*)$"}
            steps: [ping, close, ]
            """
        let scenario = try #require(load(yaml).scenario)
        #expect(scenario.target.deflate == .standard)
        #expect(scenario.target.deflate?.clientMaxWindowBits == 0)
        #expect(scenario.target.subprotocols == ["chat"])
        #expect(scenario.identity == .firstMessage(pattern: "^id=(.*)$", timeout: .seconds(5)))
        #expect(scenario.steps == [.ping(payload: "", timeout: .seconds(5)), .close(code: 1000, reason: "")])
    }

    @Test("Embedded targets, rules and events, with the identity header implied")
    func embedded() throws {
        let yaml = """
            name: e
            target:
              embedded:
                targets: [a, {id: b, weight: 3}]
                idleTimeout: 2s
                rules:
                  - {name: one, match: {path: /a}, forward: a}
                  - {match: {host: x}, status: 503}
                  - {redirect: /b}
                events: [{at: 5s, target: b, action: drain}]
            routes:
              - {name: r, request: {path: /a}, expect: {target: a}}
            """
        let scenario = try #require(load(yaml).scenario)
        let embedded = try #require(scenario.target.embedded)
        #expect(embedded.targets == [.init(id: "a"), .init(id: "b", weight: 3)])
        #expect(embedded.idleTimeout == .seconds(2))
        #expect(
            embedded.rules == [
                .init(name: "one", match: RouteRequest(path: "/a"), action: .forward(["a"])),
                .init(match: RouteRequest(host: "x"), action: .status(503)),
                .init(action: .redirect("/b")),
            ]
        )
        #expect(embedded.events == [.init(at: .seconds(5), target: "b", action: .drain)])
        #expect(scenario.identity == .header("X-Wsprobe-Target"))
    }

    @Test("JSON input is accepted and positions still point into it")
    func json() throws {
        let text = """
            {"name": "j", "load": {"connections": 3}, "steps": [{"send": "x"}, "close"],
             "thresholds": ["count(errors) == 0"]}
            """
        let scenario = try #require(load(text).scenario)
        #expect(scenario.name == "j")
        #expect(scenario.steps.count == 2)
        #expect(problems(#"{"name": "j", "lod": {}}"#) == ["1:15 scenario.unknown-key"])
        #expect(problems(#"{"name": "j", "duration": 5}"#) == ["1:27 scenario.duration"])
    }

    @Test("JSON paths split into keys and indexes")
    func jsonPaths() {
        #expect(JSONPath.components("a.b[2].c") == [.key("a"), .key("b"), .index(2), .key("c")])
        #expect(JSONPath.components("[0]") == [.index(0)])
        #expect(JSONPath.components("a[0][1]") == [.key("a"), .index(0), .index(1)])
        for bad in ["", "a..b", "a.", ".a", "a[x]", "a[-1]", "a]", "a[0]b"] {
            #expect(JSONPath.components(bad) == nil, "\(bad)")
        }
    }
}
