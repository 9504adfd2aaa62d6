import ALBConfig
import Testing

/// Loading single objects, collections and ALBs with embedded rules, and resolving target groups.
struct LoaderTests {
    @Test("An ALB document with entities.forwardingrules yields the ALB and its rules, with paths into entities")
    func embeddedForwardingRules() throws {
        let configuration = try Fixtures.load(["clean-alb.json"])
        #expect(configuration.loadBalancers.count == 1)
        let loadBalancer = try #require(configuration.loadBalancers.first)
        #expect(loadBalancer.name == "chat-alb")
        #expect(loadBalancer.listenerLan == 1)
        #expect(loadBalancer.targetLan == 2)
        #expect(loadBalancer.ips == ["203.0.113.10"])
        #expect(loadBalancer.lbPrivateIps == ["10.7.222.5/24"])
        let rule = try #require(configuration.forwardingRules.first)
        #expect(rule.loadBalancerID == loadBalancer.id)
        #expect(rule.source.path.description == "entities.forwardingrules.items[0]")
        #expect(rule.httpRules.map(\.type) == [.staticResponse, .forward])
        #expect(
            rule.httpRules[1].conditions[1].source.path.description
                == "entities.forwardingrules.items[0].properties.httpRules[1].conditions[1]"
        )
        #expect(rule.clientTimeout == 120_000)
        #expect(rule.listenerPort == 443)
    }

    @Test("A forwarding-rule collection yields every item with an items[n] path")
    func forwardingRuleCollection() throws {
        let configuration = try Fixtures.load(["forwardingrules-collection.json"])
        #expect(configuration.forwardingRules.map(\.name) == ["wss-listener", "api-listener"])
        #expect(configuration.forwardingRules.map(\.source.path.description) == ["items[0]", "items[1]"])
    }

    @Test("A single forwarding-rule object loads with paths from the root")
    func singleForwardingRule() throws {
        let configuration = try Fixtures.load(["forwardingrule-single.json"])
        let rule = try #require(configuration.forwardingRules.first)
        #expect(rule.source.path == .root)
        #expect(rule.httpRules[0].source.path.description == "properties.httpRules[0]")
    }

    @Test("Single target-group objects and collections both load, with targets and checks")
    func targetGroups() throws {
        let single = try Fixtures.load(["targetgroup-single.json"])
        let collection = try Fixtures.load(["clean-targetgroups.json"])
        #expect(single.targetGroups.count == 1)
        let group = try #require(collection.targetGroups.first)
        #expect(group.algorithm == .leastConnection)
        #expect(group.targets.map(\.address) == ["10.7.222.11:8080", "10.7.222.12:8080"])
        #expect(group.healthCheck?.checkInterval == 2000)
        #expect(group.httpHealthCheck == nil)
        #expect(group.source.path.description == "items[0]")
    }

    @Test("A rule saved both inside its ALB and on its own is loaded once")
    func duplicatesByIDAreDropped() throws {
        let configuration = try Fixtures.load(["clean-alb.json", "forwardingrule-single.json"])
        #expect(configuration.forwardingRules.count == 1)
        #expect(configuration.forwardingRules[0].source.file == "clean-alb.json")
    }

    @Test("FORWARD rules resolve their targetGroup ID to the loaded target group")
    func resolvesTargetGroups() throws {
        let configuration = try Fixtures.load(["clean-alb.json", "clean-targetgroups.json"])
        let forward = try #require(configuration.forwardingRules.first?.httpRules.first { $0.type == .forward })
        let group = try #require(configuration.targetGroup(for: forward))
        #expect(group.name == "chat-backends")
        #expect(configuration.forwardRules(to: try #require(group.id)).count == 1)
        let staticRule = try #require(configuration.forwardingRules.first?.httpRules.first)
        #expect(configuration.targetGroup(for: staticRule) == nil)
    }

    @Test("Documents without a type are recognised by their properties")
    func detectsKindByShape() throws {
        let configuration = try ALBConfigLoader.load([
            ALBSourceFile(name: "a.json", text: #"{"properties": {"listenerLan": 1, "targetLan": 2}}"#),
            ALBSourceFile(name: "b.json", text: #"{"properties": {"algorithm": "RANDOM", "targets": []}}"#),
            ALBSourceFile(name: "c.json", text: #"{"properties": {"listenerPort": 80, "httpRules": []}}"#),
        ])
        #expect(configuration.loadBalancers.count == 1)
        #expect(configuration.targetGroups.count == 1)
        #expect(configuration.forwardingRules.count == 1)
        #expect(configuration.files == ["a.json", "b.json", "c.json"])
    }

    @Test("Absent optional members take the documented defaults")
    func defaults() throws {
        let configuration = try ALBConfigLoader.load([
            Inline.forwardingRule(
                #"[{"type": "FORWARD", "targetGroup": "tg-1", "conditions": [{"type": "PATH", "condition": "EQUALS", "value": "/"}]}]"#
            ),
            ALBSourceFile(
                name: "g.json",
                text: #"{"type": "target-group", "properties": {"targets": [{"ip": "10.0.0.1", "port": 80}]}}"#
            ),
        ])
        let rule = try #require(configuration.forwardingRules.first)
        #expect(rule.clientTimeout == nil)
        #expect(rule.effectiveClientTimeout == 50_000)
        #expect(rule.httpRules[0].conditions[0].negate == false)
        let target = try #require(configuration.targetGroups.first?.targets.first)
        #expect(target.effectiveWeight == 1)
        #expect(target.takesNewConnections)
    }

    @Test("Files are read from disk by path; names in findings are the paths given")
    func loadsPaths() throws {
        let path = Fixtures.path("targetgroup-single.json")
        let configuration = try ALBConfigLoader.load(paths: [path])
        #expect(configuration.targetGroups.first?.source.file == path)
    }
}
