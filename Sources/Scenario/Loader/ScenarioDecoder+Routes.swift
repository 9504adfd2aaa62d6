extension ScenarioDecoder {
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
            // RFC 9110 §9.1: a method is a token, case-sensitive (sent exactly as written).
            if Self.isHTTPToken(method) {
                request.method = method
            } else {
                context.error(
                    .httpToken,
                    "'\(fields.path("method"))' must be an HTTP method (a token such as GET or POST), found '\(method)'",
                    at: methodNode.position
                )
            }
        }
        if let upgradeNode = fields["upgradeHeader"],
            let upgrade = context.string(upgradeNode, fields.path("upgradeHeader"))
        {
            // RFC 9110 §7.8: protocol-name ["/" protocol-version]; servers match "websocket" ignoring case.
            let parts = upgrade.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.allSatisfy({ Self.isHTTPToken($0) }) {
                request.upgradeHeader = upgrade
            } else {
                context.error(
                    .httpToken,
                    "'\(fields.path("upgradeHeader"))' must be an Upgrade protocol token such as websocket or "
                        + "WebSocket, found '\(upgrade)'",
                    at: upgradeNode.position
                )
            }
        }
        return request
    }

    /// RFC 9110 §5.6.2: one or more `tchar`.
    static func isHTTPToken(_ text: some StringProtocol) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
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
}
