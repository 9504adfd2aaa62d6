extension ScenarioDecoder {
    static let stepKeywords = ["send", "expect", "ping", "sleep", "close", "repeat"]

    /// Decodes a step list; warns about steps that can never run.
    func decodeSteps(_ node: SourceNode, path: String) -> [Step] {
        guard let items = context.list(node, path) else { return [] }
        var steps: [Step] = []
        var endedBy: String?
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if let endedBy {
                context.warning(.unreachable, "'\(itemPath)' never runs: it follows \(endedBy)", at: item.position)
            }
            guard let step = decodeStep(item, path: itemPath) else { continue }
            steps.append(step)
            if endedBy == nil {
                if case .close = step { endedBy = "a 'close' step" }
                if case .repeat(let block) = step, block.limit == .forever { endedBy = "a 'repeat' without end" }
            }
        }
        return steps
    }

    private func decodeStep(_ node: SourceNode, path: String) -> Step? {
        if case .scalar(let word, _) = node.kind {
            switch word {
            case "ping": return .ping(payload: "", timeout: .seconds(5))
            case "close": return .close(code: 1000, reason: "")
            case "expect": return .expect(ExpectStep())
            default:
                context.error(
                    .type,
                    "'\(path)' must be a step such as '- send: hello', '- sleep: 1s', '- ping', '- expect' or '- close', found \(node.shapeDescription)\(Suggestion.hint(for: word, in: ["ping", "close", "expect"]))",
                    at: node.position
                )
                return nil
            }
        }
        guard let fields = Fields(node, path: path, allowed: Self.stepKeywords, context: context) else { return nil }
        let present = fields.exclusive(Self.stepKeywords)
        guard let keyword = present.first else {
            // A mapping with only unknown keys was already reported (with a suggestion).
            if case .mapping(let entries) = node.kind, !entries.isEmpty { return nil }
            context.error(
                .missingKey,
                "'\(path)' needs one of \(Self.stepKeywords.map { "'\($0)'" }.joined(separator: ", "))",
                at: node.position
            )
            return nil
        }
        let value = fields[keyword]
        let stepPath = "\(path).\(keyword)"
        switch keyword {
        case "send": return value.flatMap { decodeSend($0, path: stepPath) }.map { .send($0) }
        case "expect": return decodeExpect(value, path: stepPath).map { .expect($0) }
        case "ping": return decodePing(value, path: stepPath)
        case "sleep": return value.flatMap { context.duration($0, stepPath) }.map { .sleep($0) }
        case "close": return decodeClose(value, path: stepPath)
        default: return value.flatMap { decodeRepeat($0, path: stepPath) }.map { .repeat($0) }
        }
    }

    private func decodeSend(_ node: SourceNode, path: String) -> SendStep? {
        if case .scalar(let text, _) = node.kind {
            return template(text, at: node, path: path).map { SendStep(type: .text, payload: .template($0)) }
        }
        let allowed = ["type", "size", "template", "text", "file"]
        guard let fields = Fields(node, path: path, allowed: allowed, context: context) else { return nil }
        let type = fields.choice("type", SendStep.MessageType.self) ?? .text
        let sources = fields.exclusive(["size", "template", "text", "file"], required: true)
        let payload: Payload?
        switch sources.first {
        case "size": payload = fields.size("size", 0...ByteSize.payloadMaximum).map { .size($0) }
        case "template", "text":
            let key = sources.first ?? "template"
            payload = fields[key].flatMap { node in
                context.string(node, fields.path(key)).flatMap { template($0, at: node, path: fields.path(key)) }
            }.map { .template($0) }
        case "file": payload = fields.string("file").map { .file($0) }
        default: payload = nil
        }
        return payload.map { SendStep(type: type, payload: $0) }
    }

    private func template(_ text: String, at node: SourceNode, path: String) -> PayloadTemplate? {
        switch PayloadTemplate.parse(text) {
        case .success(let template): return template
        case .failure(let problem):
            let singleLine = !text.contains("\n")
            let position = singleLine ? node.position.advanced(by: node.textOffset + problem.offset) : node.position
            context.error(.template, "'\(path)': \(problem.message)", at: position)
            return nil
        }
    }

    private func decodeExpect(_ node: SourceNode?, path: String) -> ExpectStep? {
        guard let node else { return ExpectStep() }
        if case .scalar = node.kind {
            return context.regex(node, path).map { ExpectStep(match: .regex($0)) }
        }
        guard let fields = Fields(node, path: path, allowed: ["regex", "json", "timeout"], context: context) else {
            return nil
        }
        var step = ExpectStep()
        step.timeout = fields.duration("timeout", minimum: .milliseconds(1)) ?? step.timeout
        switch fields.exclusive(["regex", "json"]).first {
        case "regex": step.match = fields.regex("regex").map { .regex($0) } ?? .any
        case "json":
            if let json = fields["json"], let match = decodeJSONMatch(json, path: fields.path("json")) {
                step.match = match
            }
        default: break
        }
        return step
    }

    private func decodeJSONMatch(_ node: SourceNode, path: String) -> ExpectStep.Match? {
        guard let fields = Fields(node, path: path, allowed: ["path", "equals"], context: context) else { return nil }
        let jsonPath = fields.require("path").flatMap { node -> String? in
            guard let text = context.string(node, "\(path).path") else { return nil }
            guard JSONPath.isValid(text) else {
                context.error(
                    .type,
                    "'\(path).path' must be a dotted path such as 'data.items[0].id', found '\(text)'",
                    at: node.position
                )
                return nil
            }
            return text
        }
        guard let valueNode = rawValue(fields, "equals") else {
            context.error(.missingKey, "'\(path)' needs 'equals'", at: node.position)
            return nil
        }
        guard let jsonPath else { return nil }
        let value: JSONScalar
        switch valueNode.kind {
        case .scalar(let text, let plain):
            if valueNode.isNull {
                value = .null
            } else if plain, text == "true" || text == "false" {
                value = .bool(text == "true")
            } else if plain, let number = Double(text) {
                value = .number(number)
            } else {
                value = .string(text)
            }
        default:
            context.error(
                .type,
                "'\(path).equals' must be a string, number, true, false or null",
                at: valueNode.position
            )
            return nil
        }
        return .json(path: jsonPath, value: value)
    }

    /// The value node for `key` even when it is null (so `equals: null` works).
    private func rawValue(_ fields: Fields, _ key: String) -> SourceNode? {
        if case .mapping(let entries) = fields.node.kind { return entries.first { $0.key.scalar == key }?.value }
        return nil
    }

    private func decodePing(_ node: SourceNode?, path: String) -> Step? {
        guard let node else { return .ping(payload: "", timeout: .seconds(5)) }
        guard let fields = Fields(node, path: path, allowed: ["payload", "timeout"], context: context) else {
            return nil
        }
        let payload = fields.string("payload") ?? ""
        if payload.utf8.count > 125, let payloadNode = fields["payload"] {
            context.error(
                .range,
                "'\(path).payload' must be at most 125 bytes (RFC 6455 §5.5: control frames)",
                at: payloadNode.position
            )
        }
        return .ping(payload: payload, timeout: fields.duration("timeout", minimum: .milliseconds(1)) ?? .seconds(5))
    }

    private func decodeClose(_ node: SourceNode?, path: String) -> Step? {
        guard let node else { return .close(code: 1000, reason: "") }
        guard let fields = Fields(node, path: path, allowed: ["code", "reason"], context: context) else { return nil }
        let reason = fields.string("reason") ?? ""
        var code: UInt16 = 1000
        if let codeNode = fields["code"], let value = context.int(codeNode, "\(path).code", 0...65535) {
            // RFC 6455 §7.4.1/§7.4.2: 1004-1006 and 1015 are reserved, 0-999 unused, 1016-2999 for
            // future RFCs; an endpoint may send 1000-1003, 1007-1014 (registered) and 3000-4999.
            let sendable =
                (1000...1003).contains(value) || (1007...1014).contains(value) || (3000...4999).contains(value)
            if sendable {
                code = UInt16(value)
            } else {
                context.error(
                    .closeCode,
                    "'\(path).code' \(value) may not be sent (RFC 6455 §7.4); use 1000-1003, 1007-1014 or 3000-4999",
                    at: codeNode.position
                )
            }
        }
        // RFC 6455 §5.5: the close payload (2-byte code + reason) fits in 125 bytes.
        if reason.utf8.count > 123, let reasonNode = fields["reason"] {
            context.error(.range, "'\(path).reason' must be at most 123 bytes (RFC 6455 §5.5)", at: reasonNode.position)
        }
        return .close(code: code, reason: reason)
    }

    private func decodeRepeat(_ node: SourceNode, path: String) -> RepeatStep? {
        guard let fields = Fields(node, path: path, allowed: ["times", "for", "steps"], context: context) else {
            return nil
        }
        var limit = RepeatStep.Limit.forever
        switch fields.exclusive(["times", "for"]).first {
        case "times": limit = fields.int("times", 1...1_000_000_000).map { .times($0) } ?? .forever
        case "for": limit = fields.duration("for", minimum: .milliseconds(1)).map { .duration($0) } ?? .forever
        default: break
        }
        guard let stepsNode = fields.require("steps") else { return nil }
        let steps = decodeSteps(stepsNode, path: "\(path).steps")
        if steps.isEmpty, case .sequence(let items) = stepsNode.kind, items.isEmpty {
            context.error(.range, "'\(path).steps' must hold at least one step", at: stepsNode.position)
        }
        return RepeatStep(limit: limit, steps: steps)
    }
}
