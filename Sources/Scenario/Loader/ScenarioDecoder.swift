/// Walks a scenario's node tree and builds the model, reporting every problem to its context.
struct ScenarioDecoder {
    let context: DecodeContext
    let file: String

    static let topKeys = [
        "name", "description", "target", "expect", "identity", "load", "duration", "steps", "routes", "weights",
        "thresholds", "output",
    ]

    /// Decodes the whole document; returns nil when the root is not a mapping or required parts failed.
    func decode(_ root: SourceNode) -> Scenario? {
        guard let top = Fields(root, path: "", allowed: Self.topKeys, context: context) else { return nil }
        let name = top.require("name").flatMap { context.string($0, "name") }
        if let name, name.isEmpty || name.contains("/") {
            context.error(
                .type,
                "'name' must be non-empty and contain no '/' (it names a report folder)",
                at: top["name"]?.position ?? root.position
            )
        }
        let description = top.string("description")
        let target = top["target"].map { decodeTarget($0) } ?? Target()
        let expect = top["expect"].map { decodeUpgradeExpectation($0) } ?? UpgradeExpectation()
        var identity = top["identity"].flatMap { decodeIdentity($0) }
        let duration = top.duration("duration", minimum: .milliseconds(1))
        let load = decodeLoad(top["load"], duration: duration)
        let steps = top["steps"].map { decodeSteps($0, path: "steps") } ?? []
        let stepCount = steps.reduce(0) { $0 + $1.flattenedCount }
        if stepCount > ScenarioLimits.maximumSteps, let stepsNode = top["steps"] {
            context.error(
                .limit,
                "'steps' holds \(stepCount) steps, more than the limit of \(ScenarioLimits.maximumSteps); "
                    + "use 'repeat' for a long script",
                at: stepsNode.position
            )
        }
        let routes = top["routes"].map { decodeRoutes($0) } ?? []
        let weights = top["weights"].flatMap { decodeWeights($0) }
        let thresholds = top["thresholds"].map { decodeThresholds($0) } ?? []
        let output = top["output"].map { decodeOutput($0) } ?? OutputOptions()

        let needsIdentity = routes.contains { $0.expect.namesTargets }
        if identity == nil, needsIdentity || weights != nil {
            if target.url == nil {
                identity = .header(target.embedded?.identityHeader ?? "X-Wsprobe-Target")
            } else {
                let anchor = top.keyNode("weights") ?? top.keyNode("routes") ?? root
                context.error(
                    .missingKey,
                    "routes and weights compare target identities, so the scenario needs 'identity' (a response header, a probe message or a first-message pattern)",
                    at: anchor.position
                )
            }
        }
        checkReferences(target: target, routes: routes, weights: weights, nodes: top)

        guard let name, let load, !context.hasErrors else { return nil }
        return Scenario(
            name: name,
            description: description,
            sourceFile: file,
            target: target,
            expect: expect,
            identity: identity,
            load: load,
            duration: duration,
            steps: steps,
            routes: routes,
            weights: weights,
            thresholds: thresholds,
            output: output
        )
    }

    /// With embedded targets, every identity a route, weight or event names must exist.
    private func checkReferences(target: Target, routes: [Route], weights: WeightExpectation?, nodes: Fields) {
        guard target.url == nil else { return }
        guard let embedded = target.embedded else {
            let namesTargets = weights != nil || routes.contains { $0.expect.namesTargets }
            if namesTargets, let key = nodes.keyNode("weights") ?? nodes.keyNode("routes") {
                context.error(
                    .reference,
                    "routes and weights name target identities, but with no 'target.url' and no 'target.embedded' there is one anonymous embedded target; list the identities in 'target.embedded.targets'",
                    at: key.position
                )
            }
            return
        }
        let ids = Set(embedded.targets.map(\.id))
        func check(_ id: String, _ what: String, _ node: SourceNode?) {
            guard !ids.contains(id) else { return }
            let hint = Suggestion.hint(for: id, in: embedded.targets.map(\.id))
            context.error(
                .reference,
                "\(what) names target '\(id)', but the embedded targets are \(embedded.targets.map(\.id).sorted().joined(separator: ", "))\(hint)",
                at: (node ?? nodes.node).position
            )
        }
        if let routeNodes = nodes["routes"].flatMap({ context.listQuietly($0) }) {
            for (route, node) in zip(routes, routeNodes) {
                if case .targets(let set) = route.expect {
                    for id in set.sorted() { check(id, "route '\(route.name)'", node["expect"]) }
                }
            }
        }
        if let weights {
            let targetsNode = nodes["weights"]?["targets"]
            for entry in weights.targets { check(entry.target, "weights", targetsNode?.key(named: entry.target)) }
        }
    }
}

extension DecodeContext {
    /// The items of a list node without reporting anything (the shape was already checked).
    func listQuietly(_ node: SourceNode) -> [SourceNode]? {
        if case .sequence(let items) = node.kind { return items }
        return nil
    }
}
