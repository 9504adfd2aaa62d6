/// Everything loaded from the user's files: load balancers, forwarding rules and target groups, with
/// target-group IDs resolvable.
package struct ALBConfiguration: Sendable, Hashable {
    /// The file names in the order they were given; findings are grouped in this order.
    package var files: [String]
    /// The application load balancers found.
    package var loadBalancers: [ApplicationLoadBalancer]
    /// The forwarding rules found, standalone or embedded in an ALB: an ID once per file, and again from
    /// another file only when that file's object differs (see `duplicates`).
    package var forwardingRules: [ForwardingRule]
    /// The target groups found, with the same rule for IDs seen before.
    package var targetGroups: [TargetGroup]
    /// Resource IDs found in two files.
    package var duplicates: [DuplicateResource] = []

    package init(
        files: [String] = [],
        loadBalancers: [ApplicationLoadBalancer] = [],
        forwardingRules: [ForwardingRule] = [],
        targetGroups: [TargetGroup] = []
    ) {
        self.files = files
        self.loadBalancers = loadBalancers
        self.forwardingRules = forwardingRules
        self.targetGroups = targetGroups
    }

    /// The target group with this ID, if it was loaded.
    package func targetGroup(id: String) -> TargetGroup? {
        targetGroups.first { $0.id == id }
    }

    /// The target group a FORWARD rule sends to, if it names one and that one was loaded (from the rule's own
    /// file when two files have that ID).
    package func targetGroup(for rule: HTTPRule) -> TargetGroup? {
        guard rule.type == .forward, let id = rule.targetGroup else { return nil }
        return targetGroups.first { $0.id == id && $0.source.file == rule.source.file } ?? targetGroup(id: id)
    }

    /// The FORWARD rules (with their forwarding rule) that send to the target group with this ID.
    package func forwardRules(to targetGroupID: String) -> [(forwardingRule: ForwardingRule, rule: HTTPRule)] {
        var result: [(forwardingRule: ForwardingRule, rule: HTTPRule)] = []
        for forwardingRule in forwardingRules {
            for rule in forwardingRule.httpRules where rule.type == .forward && rule.targetGroup == targetGroupID {
                result.append((forwardingRule, rule))
            }
        }
        return result
    }
}
