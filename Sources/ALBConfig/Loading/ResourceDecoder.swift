/// Decodes single resource objects (`id`, `type`, `href`, `metadata`, `properties`, `entities`) into models.
enum ResourceDecoder {
    /// An ALB and the forwarding rules embedded in `entities.forwardingrules.items`.
    static func loadBalancer(
        _ node: JSONNode
    ) throws(ALBConfigError) -> (ApplicationLoadBalancer, [ForwardingRule]) {
        let id = try node.optionalString("id")
        let properties = try node.required("properties")
        _ = try properties.object()
        let loadBalancer = ApplicationLoadBalancer(
            id: id,
            name: try properties.optionalString("name"),
            listenerLan: try properties.optionalInt("listenerLan"),
            targetLan: try properties.optionalInt("targetLan"),
            ips: try properties.optionalStrings("ips"),
            lbPrivateIps: try properties.optionalStrings("lbPrivateIps"),
            source: SourceLocation(file: node.file, path: node.path)
        )
        var rules: [ForwardingRule] = []
        if let entities = try node.member("entities"), let collection = try entities.member("forwardingrules") {
            for item in try collection.optionalArray("items") {
                rules.append(try forwardingRule(item, loadBalancerID: id))
            }
        }
        return (loadBalancer, rules)
    }

    /// A forwarding rule with its HTTP rules and their conditions.
    static func forwardingRule(
        _ node: JSONNode,
        loadBalancerID: String?
    ) throws(ALBConfigError) -> ForwardingRule {
        let properties = try node.required("properties")
        _ = try properties.object()
        var rules: [HTTPRule] = []
        for element in try properties.optionalArray("httpRules") {
            rules.append(try httpRule(element))
        }
        return ForwardingRule(
            id: try node.optionalString("id"),
            loadBalancerID: loadBalancerID,
            name: try properties.optionalString("name"),
            protocolName: try properties.optionalString("protocol"),
            listenerIp: try properties.optionalString("listenerIp"),
            listenerPort: try properties.optionalInt("listenerPort"),
            clientTimeout: try properties.optionalInt("clientTimeout"),
            serverCertificates: try properties.optionalStrings("serverCertificates"),
            httpRules: rules,
            source: SourceLocation(file: node.file, path: node.path)
        )
    }

    static func httpRule(_ node: JSONNode) throws(ALBConfigError) -> HTTPRule {
        var conditions: [RuleCondition] = []
        for element in try node.optionalArray("conditions") {
            conditions.append(try condition(element))
        }
        return HTTPRule(
            name: try node.optionalString("name"),
            type: try node.required("type").enumeration(HTTPRule.Action.self),
            targetGroup: try node.optionalString("targetGroup"),
            dropQuery: try node.optionalBool("dropQuery"),
            location: try node.optionalString("location"),
            statusCode: try node.optionalInt("statusCode"),
            responseMessage: try node.optionalString("responseMessage"),
            contentType: try node.optionalString("contentType"),
            conditions: conditions,
            source: SourceLocation(file: node.file, path: node.path)
        )
    }

    static func condition(_ node: JSONNode) throws(ALBConfigError) -> RuleCondition {
        RuleCondition(
            type: try node.required("type").enumeration(RuleCondition.Subject.self),
            condition: try node.optionalEnumeration("condition", RuleCondition.Comparison.self),
            negate: try node.optionalBool("negate") ?? false,
            key: try node.optionalString("key"),
            value: try node.optionalString("value"),
            source: SourceLocation(file: node.file, path: node.path)
        )
    }

    /// A target group with its targets and checks.
    static func targetGroup(_ node: JSONNode) throws(ALBConfigError) -> TargetGroup {
        let properties = try node.required("properties")
        _ = try properties.object()
        var targets: [Target] = []
        for element in try properties.optionalArray("targets") {
            targets.append(try target(element))
        }
        var healthCheck: HealthCheck?
        if let check = try properties.member("healthCheck") {
            healthCheck = HealthCheck(
                checkInterval: try check.optionalInt("checkInterval"),
                checkTimeout: try check.optionalInt("checkTimeout"),
                retries: try check.optionalInt("retries")
            )
        }
        var httpHealthCheck: HTTPHealthCheck?
        if let check = try properties.member("httpHealthCheck") {
            httpHealthCheck = HTTPHealthCheck(
                path: try check.optionalString("path"),
                method: try check.optionalString("method"),
                matchType: try check.optionalString("matchType"),
                response: try check.optionalString("response"),
                source: SourceLocation(file: check.file, path: check.path)
            )
        }
        return TargetGroup(
            id: try node.optionalString("id"),
            name: try properties.optionalString("name"),
            algorithm: try properties.optionalEnumeration("algorithm", TargetGroup.Algorithm.self),
            protocolName: try properties.optionalString("protocol"),
            protocolVersion: try properties.optionalString("protocolVersion"),
            targets: targets,
            healthCheck: healthCheck,
            httpHealthCheck: httpHealthCheck,
            source: SourceLocation(file: node.file, path: node.path)
        )
    }

    static func target(_ node: JSONNode) throws(ALBConfigError) -> Target {
        _ = try node.object()
        return Target(
            ip: try node.optionalString("ip"),
            port: try node.optionalInt("port"),
            weight: try node.optionalInt("weight"),
            proxyProtocol: try node.optionalString("proxyProtocol"),
            healthCheckEnabled: try node.optionalBool("healthCheckEnabled"),
            maintenanceEnabled: try node.optionalBool("maintenanceEnabled"),
            source: SourceLocation(file: node.file, path: node.path)
        )
    }
}
