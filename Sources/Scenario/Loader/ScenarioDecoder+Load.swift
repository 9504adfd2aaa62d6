extension ScenarioDecoder {
    /// Keys only the closed model understands.
    static let closedKeys = ["connections", "rampUp", "hold", "rampDown", "churn"]
    /// Keys only the open model understands.
    static let openKeys = ["arrivalRate", "startRate", "maxConnections", "spacing"]

    /// Decodes `load`, inferring the model from its keys when `model` is absent.
    func decodeLoad(_ node: SourceNode?, duration: Duration?) -> LoadModel? {
        guard let node else { return .closed(ClosedLoad(connections: 1, stages: [.init(duration: .zero, target: 1)])) }
        let allowed = ["model", "stages", "messages"] + Self.closedKeys + Self.openKeys
        guard let fields = Fields(node, path: "load", allowed: allowed, context: context) else { return nil }
        let explicit = fields.choice("model", LoadModelName.self)
        let openPresent = Self.openKeys.filter { fields.has($0) }
        let closedPresent = Self.closedKeys.filter { fields.has($0) }
        let model: LoadModelName = explicit ?? (openPresent.isEmpty ? .closed : .open)
        let foreign = model == .open ? closedPresent : openPresent
        for key in foreign {
            let reason =
                explicit != nil
                ? "'model' is \(model.rawValue)"
                : "'\((model == .open ? openPresent : closedPresent).first ?? "")' makes it \(model.rawValue)"
            context.error(
                .exclusive,
                "'load.\(key)' belongs to the \(model == .open ? "closed" : "open") model, but this load is \(model.rawValue) (\(reason))",
                at: fields.keyNode(key)?.position ?? node.position
            )
        }
        let messages = fields["messages"].flatMap { decodeMessageRate($0) }
        switch model {
        case .closed: return decodeClosed(fields, duration: duration, messages: messages).map { .closed($0) }
        case .open: return decodeOpen(fields, duration: duration, messages: messages).map { .open($0) }
        }
    }

    private func decodeClosed(_ fields: Fields, duration: Duration?, messages: MessageRate?) -> ClosedLoad? {
        var load = ClosedLoad(messages: messages)
        if let stagesNode = fields["stages"] {
            for key in ["connections", "rampUp", "hold", "rampDown"] where fields.has(key) {
                context.error(
                    .exclusive,
                    "'load.\(key)' cannot be used with 'load.stages'; the stages already describe the whole plan",
                    at: fields.keyNode(key)?.position ?? stagesNode.position
                )
            }
            guard let items = context.list(stagesNode, "load.stages") else { return nil }
            for (index, item) in items.enumerated() {
                let path = "load.stages[\(index)]"
                guard let stage = Fields(item, path: path, allowed: ["duration", "target"], context: context) else {
                    continue
                }
                let stageDuration = stage.require("duration").flatMap { context.duration($0, "\(path).duration") }
                let target = stage.require("target").flatMap { context.int($0, "\(path).target", 0...10_000_000) }
                if let stageDuration, let target { load.stages.append(.init(duration: stageDuration, target: target)) }
            }
            if items.isEmpty {
                context.error(.range, "'load.stages' must hold at least one stage", at: stagesNode.position)
            }
            load.connections = load.stages.map(\.target).max() ?? 0
        } else {
            let connections = fields.int("connections", 1...10_000_000) ?? 1
            let rampUp = fields.duration("rampUp") ?? .zero
            let rampDown = fields.duration("rampDown")
            var hold = fields.duration("hold")
            if let rampDown, hold == nil {
                if let duration, duration > rampUp + rampDown {
                    hold = duration - rampUp - rampDown
                } else {
                    context.error(
                        .missingKey,
                        "'load.rampDown' needs 'load.hold' (or a top-level 'duration' longer than rampUp + rampDown) to know when to start ramping down",
                        at: fields.keyNode("rampDown")?.position ?? fields.node.position
                    )
                }
            }
            load.connections = connections
            load.stages = [.init(duration: rampUp, target: connections)]
            if let hold { load.stages.append(.init(duration: hold, target: connections)) }
            if let rampDown { load.stages.append(.init(duration: rampDown, target: 0)) }
        }
        if let churn = fields["churn"] { load.churn = decodeChurn(churn) }
        return load
    }

    private func decodeOpen(_ fields: Fields, duration: Duration?, messages: MessageRate?) -> OpenLoad? {
        let present = fields.exclusive(["arrivalRate", "stages"], required: true)
        var stages: [OpenLoad.Stage] = []
        var startRate: Rate?
        if present.first == "arrivalRate", let rate = fields.rate("arrivalRate") {
            if let duration {
                stages = [.init(duration: duration, target: rate)]
            } else {
                context.error(
                    .missingKey,
                    "'load.arrivalRate' needs a top-level 'duration' (or use 'load.stages' with durations)",
                    at: fields.keyNode("arrivalRate")?.position ?? fields.node.position
                )
            }
            startRate = rate
        } else if present.first == "stages", let items = fields["stages"].flatMap({ context.list($0, "load.stages") }) {
            for (index, item) in items.enumerated() {
                let path = "load.stages[\(index)]"
                guard let stage = Fields(item, path: path, allowed: ["duration", "target"], context: context) else {
                    continue
                }
                let stageDuration = stage.require("duration").flatMap { context.duration($0, "\(path).duration") }
                let target = stage.require("target").flatMap { context.rate($0, "\(path).target") }
                if let stageDuration, let target { stages.append(.init(duration: stageDuration, target: target)) }
            }
            if items.isEmpty, let node = fields["stages"] {
                context.error(.range, "'load.stages' must hold at least one stage", at: node.position)
            }
        }
        if let explicitStart = fields.rate("startRate") { startRate = explicitStart }
        return OpenLoad(
            stages: stages,
            startRate: startRate ?? stages.first?.target ?? Rate(perSecond: 0),
            maxConnections: fields.int("maxConnections", 1...10_000_000),
            spacing: fields.choice("spacing", Spacing.self) ?? .constant,
            messages: messages
        )
    }

    private func decodeMessageRate(_ node: SourceNode) -> MessageRate? {
        guard let fields = Fields(node, path: "load.messages", allowed: ["rate", "per", "spacing"], context: context)
        else { return nil }
        guard let rate = fields.require("rate").flatMap({ context.rate($0, "load.messages.rate") }) else { return nil }
        return MessageRate(
            rate: rate,
            per: fields.choice("per", MessageRate.Scope.self) ?? .connection,
            spacing: fields.choice("spacing", Spacing.self) ?? .constant
        )
    }

    private func decodeChurn(_ node: SourceNode) -> Churn? {
        guard let fields = Fields(node, path: "load.churn", allowed: ["lifetime", "reconnect"], context: context) else {
            return nil
        }
        var churn = Churn(lifetime: fields.duration("lifetime", minimum: .milliseconds(1)))
        if let reconnect = fields["reconnect"] {
            if case .scalar = reconnect.kind {
                churn.reconnect = context.bool(reconnect, "load.churn.reconnect") == true ? Backoff() : nil
            } else {
                churn.reconnect = decodeBackoff(reconnect)
            }
        }
        return churn
    }

    private func decodeBackoff(_ node: SourceNode) -> Backoff? {
        let path = "load.churn.reconnect"
        let allowed = ["min", "max", "jitter", "maxAttempts"]
        guard let fields = Fields(node, path: path, allowed: allowed, context: context) else { return nil }
        var backoff = Backoff()
        backoff.min = fields.duration("min") ?? backoff.min
        backoff.max = fields.duration("max") ?? backoff.max
        backoff.jitter = fields.percentage("jitter")?.fraction ?? backoff.jitter
        backoff.maxAttempts = fields.int("maxAttempts", 1...1_000_000)
        if backoff.min > backoff.max {
            context.error(
                .range,
                "'\(path).min' (\(backoff.min.humanDescription)) must not exceed '\(path).max' (\(backoff.max.humanDescription))",
                at: fields["min"]?.position ?? node.position
            )
        }
        return backoff
    }
}

/// The `load.model` words.
enum LoadModelName: String, CaseIterable {
    case closed
    case open
}
