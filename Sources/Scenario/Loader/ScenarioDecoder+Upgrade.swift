extension ScenarioDecoder {
    func decodeUpgradeExpectation(_ node: SourceNode) -> UpgradeExpectation {
        var expect = UpgradeExpectation()
        let allowed = ["status", "subprotocol", "extension", "headers"]
        guard let fields = Fields(node, path: "expect", allowed: allowed, context: context) else { return expect }
        expect.status = fields.int("status", 100...599) ?? expect.status
        expect.subprotocol = fields.string("subprotocol")
        expect.extension = fields.string("extension")
        if let headers = fields["headers"] {
            expect.headers = decodeHeaderExpectations(headers, path: "expect.headers")
        }
        return expect
    }

    /// `Name: value` (equals), `Name: {regex: …}`, `Name: {present: true}`.
    func decodeHeaderExpectations(_ node: SourceNode, path: String) -> [HeaderExpectation] {
        guard case .mapping(let entries) = node.kind else {
            context.error(
                .type,
                "'\(path)' must be a mapping of header names to expected values, found \(node.shapeDescription)",
                at: node.position
            )
            return []
        }
        var out: [HeaderExpectation] = []
        for entry in entries {
            guard let name = entry.key.scalar else { continue }
            let headerPath = "\(path).\(name)"
            if case .scalar(let text, _) = entry.value.kind {
                out.append(HeaderExpectation(name: name, match: .equals(text)))
                continue
            }
            guard
                let fields = Fields(
                    entry.value,
                    path: headerPath,
                    allowed: ["equals", "regex", "present"],
                    context: context
                )
            else { continue }
            switch fields.exclusive(["equals", "regex", "present"], required: true).first {
            case "equals": fields.string("equals").map { out.append(HeaderExpectation(name: name, match: .equals($0))) }
            case "regex": fields.regex("regex").map { out.append(HeaderExpectation(name: name, match: .regex($0))) }
            case "present":
                if fields.bool("present") == true { out.append(HeaderExpectation(name: name, match: .present)) }
            default: break
            }
        }
        return out
    }

    func decodeIdentity(_ node: SourceNode) -> IdentitySource? {
        let allowed = ["header", "probe", "match", "firstMessage", "timeout"]
        guard let fields = Fields(node, path: "identity", allowed: allowed, context: context) else { return nil }
        let timeout = fields.duration("timeout", minimum: .milliseconds(1)) ?? .seconds(5)
        switch fields.exclusive(["header", "probe", "firstMessage"], required: true).first {
        case "header":
            for key in ["match", "timeout"] where fields.has(key) {
                context.error(
                    .exclusive,
                    "'identity.\(key)' applies to 'probe' and 'firstMessage', not to 'header'",
                    at: fields.keyNode(key)?.position ?? node.position
                )
            }
            return fields.string("header").map { .header($0) }
        case "probe":
            let message = fields.string("probe")
            let pattern = fields["match"].flatMap { context.regex($0, "identity.match") } ?? "(.+)"
            return message.map { .probe(message: $0, pattern: pattern, timeout: timeout) }
        case "firstMessage":
            if fields.has("match"), let key = fields.keyNode("match") {
                context.error(
                    .exclusive,
                    "'identity.firstMessage' is itself the pattern; remove 'identity.match'",
                    at: key.position
                )
            }
            return fields.regex("firstMessage").map { .firstMessage(pattern: $0, timeout: timeout) }
        default:
            return nil
        }
    }
}
