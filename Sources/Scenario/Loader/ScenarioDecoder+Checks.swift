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

    func decodeRoutes(_ node: SourceNode) -> [Route] {
        guard let items = context.list(node, "routes") else { return [] }
        var routes: [Route] = []
        var names: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "routes[\(index)]"
            guard let fields = Fields(item, path: path, allowed: ["name", "request", "expect"], context: context) else {
                continue
            }
            let name = fields.require("name").flatMap { context.string($0, "\(path).name") }
            if let name, !names.insert(name).inserted, let nameNode = fields["name"] {
                context.error(
                    .duplicateName,
                    "route name '\(name)' is used twice; each row needs its own name",
                    at: nameNode.position
                )
            }
            let request = fields["request"].map { decodeRouteRequest($0, path: "\(path).request") } ?? RouteRequest()
            let expect = fields.require("expect").flatMap { decodeRouteExpectation($0, path: "\(path).expect") }
            if let name, let expect { routes.append(Route(name: name, request: request, expect: expect)) }
        }
        return routes
    }

    func decodeRouteRequest(_ node: SourceNode, path: String) -> RouteRequest {
        var request = RouteRequest()
        let allowed = ["host", "path", "query", "headers", "cookies", "method", "upgradeHeader"]
        guard let fields = Fields(node, path: path, allowed: allowed, context: context) else { return request }
        request.host = fields.string("host")
        if let pathNode = fields["path"], let value = context.string(pathNode, fields.path("path")) {
            if value.hasPrefix("/") {
                request.path = value
            } else {
                context.error(
                    .type,
                    "'\(fields.path("path"))' must start with '/', found '\(value)'",
                    at: pathNode.position
                )
            }
        }
        request.query = fields.keyValues("query") ?? []
        request.headers = fields.keyValues("headers") ?? []
        request.cookies = fields.keyValues("cookies") ?? []
        if let methodNode = fields["method"], let method = context.string(methodNode, fields.path("method")) {
            // RFC 7230 §3.1.1: a method is a token; upper case by convention.
            if !method.isEmpty, method.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
                request.method = method
            } else {
                context.error(
                    .type,
                    "'\(fields.path("method"))' must be an HTTP method such as GET, found '\(method)'",
                    at: methodNode.position
                )
            }
        }
        request.upgradeHeader = fields.string("upgradeHeader")
        return request
    }

    private func decodeRouteExpectation(_ node: SourceNode, path: String) -> RouteExpectation? {
        let keys = ["target", "targets", "status", "redirect"]
        guard let fields = Fields(node, path: path, allowed: keys, context: context) else { return nil }
        switch fields.exclusive(keys, required: true).first {
        case "target": return fields.string("target").map { .targets([$0]) }
        case "targets":
            guard let list = fields.stringList("targets") else { return nil }
            if list.isEmpty, let listNode = fields["targets"] {
                context.error(.range, "'\(path).targets' must name at least one target", at: listNode.position)
                return nil
            }
            return .targets(Set(list))
        case "status":
            guard let statusNode = fields["status"], let status = context.int(statusNode, "\(path).status", 100...599)
            else {
                return nil
            }
            if status == 101 {
                context.error(
                    .range,
                    "'\(path).status' 101 means upgraded; expect a 'target' or 'targets' instead",
                    at: statusNode.position
                )
                return nil
            }
            return .status(status)
        case "redirect": return fields.string("redirect").map { .redirect(location: $0) }
        default: return nil
        }
    }

    func decodeWeights(_ node: SourceNode) -> WeightExpectation? {
        let allowed = ["targets", "connections", "significance"]
        guard let fields = Fields(node, path: "weights", allowed: allowed, context: context) else { return nil }
        var weights: [WeightExpectation.Weight] = []
        if let targets = fields.require("targets") {
            if case .mapping(let entries) = targets.kind {
                for entry in entries {
                    guard let name = entry.key.scalar,
                        let weight = context.int(entry.value, "weights.targets.\(name)", 0...1000)
                    else { continue }
                    weights.append(.init(target: name, weight: weight))
                }
                if weights.reduce(0, { $0 + $1.weight }) == 0, !entries.isEmpty {
                    context.error(
                        .range,
                        "'weights.targets' must give at least one target a weight above 0",
                        at: targets.position
                    )
                }
            } else {
                context.error(
                    .type,
                    "'weights.targets' must map target identities to weights, e.g. {a: 2, b: 1}",
                    at: targets.position
                )
            }
        }
        var expectation = WeightExpectation(targets: weights)
        expectation.connections = fields.int("connections", 1...10_000_000) ?? expectation.connections
        expectation.significance = fields.double("significance", 0.000001...0.5) ?? expectation.significance
        return expectation
    }

    func decodeThresholds(_ node: SourceNode) -> [Threshold] {
        guard let items = context.list(node, "thresholds") else { return [] }
        var out: [Threshold] = []
        for (index, item) in items.enumerated() {
            let path = "thresholds[\(index)]"
            var exprNode = item
            var abortOnFail = false
            if case .mapping = item.kind {
                guard let fields = Fields(item, path: path, allowed: ["threshold", "abortOnFail"], context: context),
                    let inner = fields.require("threshold")
                else { continue }
                exprNode = inner
                abortOnFail = fields.bool("abortOnFail") ?? false
            }
            guard let text = context.string(exprNode, path) else { continue }
            do {
                let expression = try ThresholdExpression.parse(text)
                out.append(Threshold(source: text, expression: expression, abortOnFail: abortOnFail))
            } catch {
                let singleLine = !text.contains("\n")
                let position =
                    singleLine ? exprNode.position.advanced(by: exprNode.textOffset + error.offset) : exprNode.position
                context.error(error.code, "'\(path)': \(error.message)", at: position)
            }
        }
        return out
    }

    func decodeOutput(_ node: SourceNode) -> OutputOptions {
        var output = OutputOptions()
        guard let fields = Fields(node, path: "output", allowed: ["dir", "formats"], context: context) else {
            return output
        }
        output.directory = fields.string("dir")
        if let formats = fields["formats"], let names = context.stringList(formats, "output.formats") {
            var chosen: [OutputOptions.Format] = []
            for name in names {
                if let format = OutputOptions.Format(rawValue: name) {
                    if !chosen.contains(format) { chosen.append(format) }
                } else {
                    let known = OutputOptions.Format.allCases.map(\.rawValue)
                    context.error(
                        .choice,
                        "'output.formats' has unknown format '\(name)'; use \(known.joined(separator: ", "))\(Suggestion.hint(for: name, in: known))",
                        at: formats.position
                    )
                }
            }
            output.formats = chosen
        }
        return output
    }
}
