import Scenario

/// Accumulates the resources of each decoded document into an `ALBConfiguration`.
///
/// A resource ID seen again in the same file (a rule inside its ALB and in a collection of the same file) is
/// kept once. Seen again in another file, the clash is recorded (`duplicates`): an identical object (same
/// `properties`, e.g. a rule saved inside its ALB and on its own) is linted once, a different one is linted too,
/// so no file's objects are dropped unseen.
struct ConfigurationBuilder {
    var configuration = ALBConfiguration()
    private var seen: [SeenKey: (location: SourceLocation, properties: JSONValue?)] = [:]

    private struct SeenKey: Hashable {
        var kind: DuplicateResource.Kind
        var id: String
    }

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
            let items = try node.member("entities")?.member("forwardingrules")?.optionalArray("items") ?? []
            for (index, rule) in rules.enumerated() {
                let properties = index < items.count ? try items[index].member("properties")?.value : nil
                if isNew(.forwardingRule, id: rule.id, at: rule.source, properties: properties) {
                    configuration.forwardingRules.append(rule)
                }
            }
        case .forwardingRule:
            let rule = try ResourceDecoder.forwardingRule(node, loadBalancerID: nil)
            let properties = try node.member("properties")?.value
            if isNew(.forwardingRule, id: rule.id, at: rule.source, properties: properties) {
                configuration.forwardingRules.append(rule)
            }
        case .targetGroup:
            let group = try ResourceDecoder.targetGroup(node)
            let properties = try node.member("properties")?.value
            if isNew(.targetGroup, id: group.id, at: group.source, properties: properties) {
                configuration.targetGroups.append(group)
            }
        }
    }

    /// Whether to keep a resource: always without an ID or the first time its ID is seen; not when the same
    /// file has it already, or another file has an identical one (recorded as a duplicate); yes, recorded as a
    /// duplicate, when another file has a different object with the same ID.
    private mutating func isNew(
        _ kind: DuplicateResource.Kind,
        id: String?,
        at location: SourceLocation,
        properties: JSONValue?
    ) -> Bool {
        guard let id else { return true }
        let key = SeenKey(kind: kind, id: id)
        guard let earlier = seen[key] else {
            seen[key] = (location, properties)
            return true
        }
        guard earlier.location.file != location.file else { return false }
        let identical = earlier.properties == properties
        configuration.duplicates.append(
            DuplicateResource(kind: kind, id: id, first: earlier.location, second: location, identical: identical)
        )
        return !identical
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
