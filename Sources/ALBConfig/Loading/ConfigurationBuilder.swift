/// Accumulates the resources of each decoded document into an `ALBConfiguration`, dropping repeats of an ID
/// (a forwarding rule saved both standalone and inside its ALB is linted once).
struct ConfigurationBuilder {
    var configuration = ALBConfiguration()
    private var seenRuleIDs: Set<String> = []
    private var seenGroupIDs: Set<String> = []

    /// The kinds of resource a document or collection item can be.
    enum ResourceKind {
        case loadBalancer
        case forwardingRule
        case targetGroup
    }

    /// Adds a whole file: one resource, or a collection whose `items` are resources.
    mutating func addDocument(_ root: JSONNode) throws(ALBConfigError) {
        let members = try root.object()
        if members["items"] != nil, members["properties"] == nil {
            for item in try root.required("items").array() {
                try addResource(item)
            }
        } else {
            try addResource(root)
        }
    }

    /// Adds one resource object, detected by its `type` or, failing that, by its `properties`.
    mutating func addResource(_ node: JSONNode) throws(ALBConfigError) {
        switch try Self.kind(of: node) {
        case .loadBalancer:
            let (loadBalancer, rules) = try ResourceDecoder.loadBalancer(node)
            configuration.loadBalancers.append(loadBalancer)
            for rule in rules { add(rule) }
        case .forwardingRule:
            add(try ResourceDecoder.forwardingRule(node, loadBalancerID: nil))
        case .targetGroup:
            let group = try ResourceDecoder.targetGroup(node)
            if let id = group.id {
                guard seenGroupIDs.insert(id).inserted else { return }
            }
            configuration.targetGroups.append(group)
        }
    }

    private mutating func add(_ rule: ForwardingRule) {
        if let id = rule.id {
            guard seenRuleIDs.insert(id).inserted else { return }
        }
        configuration.forwardingRules.append(rule)
    }

    /// The resource kind: the API's `type` (`applicationloadbalancer`, `forwarding-rule`, `target-group`),
    /// else members only that kind has (`listenerLan`; `algorithm`/`targets`; `listenerPort`/`httpRules`).
    static func kind(of node: JSONNode) throws(ALBConfigError) -> ResourceKind {
        let type = try node.optionalString("type")
        switch type {
        case "applicationloadbalancer": return .loadBalancer
        case "forwarding-rule": return .forwardingRule
        case "target-group": return .targetGroup
        default: break
        }
        guard let properties = try node.member("properties") else {
            let detail = type.map { "its type is \"\($0)\"" } ?? "it has neither \"type\" nor \"properties\""
            throw .unrecognizedDocument(file: node.file, path: node.path, detail: detail)
        }
        let members = try properties.object()
        if members["listenerLan"] != nil || members["targetLan"] != nil || members["lbPrivateIps"] != nil {
            return .loadBalancer
        }
        if members["algorithm"] != nil || members["targets"] != nil || members["httpHealthCheck"] != nil {
            return .targetGroup
        }
        if members["listenerPort"] != nil || members["httpRules"] != nil || members["clientTimeout"] != nil {
            return .forwardingRule
        }
        let detail = type.map { "its type is \"\($0)\"" } ?? "its properties match no known resource"
        throw .unrecognizedDocument(file: node.file, path: node.path, detail: detail)
    }
}
