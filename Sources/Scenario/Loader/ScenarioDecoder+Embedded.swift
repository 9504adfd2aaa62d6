extension ScenarioDecoder {
    func decodeEmbedded(_ node: SourceNode) -> EmbeddedTargets? {
        let allowed = ["targets", "rules", "idleTimeout", "events", "identityHeader", "tls"]
        guard let fields = Fields(node, path: "target.embedded", allowed: allowed, context: context) else { return nil }
        var members: [EmbeddedTargets.Member] = []
        var seen: Set<String> = []
        if let list = fields["targets"].flatMap({ context.list($0, "target.embedded.targets") }) {
            for (index, item) in list.enumerated() {
                let path = "target.embedded.targets[\(index)]"
                var member: EmbeddedTargets.Member?
                if case .scalar = item.kind {
                    member = context.string(item, path).map { EmbeddedTargets.Member(id: $0) }
                } else if let entry = Fields(item, path: path, allowed: ["id", "weight"], context: context),
                    let id = entry.require("id").flatMap({ context.string($0, "\(path).id") })
                {
                    member = EmbeddedTargets.Member(id: id, weight: entry.int("weight", 0...1000) ?? 1)
                }
                guard let member else { continue }
                if !seen.insert(member.id).inserted {
                    context.error(.duplicateName, "embedded target id '\(member.id)' is used twice", at: item.position)
                }
                members.append(member)
            }
        }
        if fields["targets"] == nil {
            members = [EmbeddedTargets.Member(id: EmbeddedTargets.defaultTargetID)]
            seen = [EmbeddedTargets.defaultTargetID]
        }
        var embedded = EmbeddedTargets(targets: members)
        embedded.tls = fields.bool("tls") ?? false
        embedded.identityHeader = fields.string("identityHeader") ?? embedded.identityHeader
        embedded.idleTimeout = fields.duration("idleTimeout", minimum: .milliseconds(1))
        if let rules = fields["rules"].flatMap({ context.list($0, "target.embedded.rules") }) {
            embedded.rules = rules.enumerated().compactMap {
                decodeRule($1, path: "target.embedded.rules[\($0)]", ids: seen)
            }
        }
        if let events = fields["events"].flatMap({ context.list($0, "target.embedded.events") }) {
            for (index, item) in events.enumerated() {
                let path = "target.embedded.events[\(index)]"
                guard let entry = Fields(item, path: path, allowed: ["at", "target", "action"], context: context) else {
                    continue
                }
                let at = entry.require("at").flatMap { context.duration($0, "\(path).at") }
                let target = entry.require("target").flatMap { context.string($0, "\(path).target") }
                let action = entry.require("action").flatMap {
                    context.choice($0, "\(path).action", EmbeddedTargets.Event.Action.self)
                }
                if let target, !seen.contains(target) {
                    context.error(
                        .reference,
                        "'\(path).target' names '\(target)', which is not an embedded target\(Suggestion.hint(for: target, in: Array(seen)))",
                        at: entry["target"]?.position ?? item.position
                    )
                }
                if let at, let target, let action {
                    embedded.events.append(EmbeddedTargets.Event(at: at, target: target, action: action))
                }
            }
        }
        return embedded
    }

    private func decodeRule(_ node: SourceNode, path: String, ids: Set<String>) -> EmbeddedTargets.Rule? {
        let allowed = ["name", "match", "forward", "status", "redirect"]
        guard let fields = Fields(node, path: path, allowed: allowed, context: context) else { return nil }
        let match = fields["match"].map { decodeRouteRequest($0, path: "\(path).match") } ?? RouteRequest()
        let actions = fields.exclusive(["forward", "status", "redirect"], required: true)
        var action: EmbeddedTargets.Action?
        switch actions.first {
        case "forward":
            if let forward = fields.stringList("forward") {
                for id in forward where !ids.contains(id) {
                    context.error(
                        .reference,
                        "'\(path).forward' names '\(id)', which is not an embedded target\(Suggestion.hint(for: id, in: Array(ids)))",
                        at: fields["forward"]?.position ?? node.position
                    )
                }
                action = .forward(forward)
            }
        case "status": action = fields.int("status", 100...599).map { .status($0) }
        case "redirect": action = fields.string("redirect").map { .redirect($0) }
        default: break
        }
        guard let action else { return nil }
        return EmbeddedTargets.Rule(name: fields.string("name"), match: match, action: action)
    }
}
