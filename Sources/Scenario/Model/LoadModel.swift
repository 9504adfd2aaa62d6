/// How much load: a fixed population of connections (closed) or an arrival rate of new ones (open).
package enum LoadModel: Sendable, Hashable {
    case closed(ClosedLoad)
    case open(OpenLoad)

    /// The message pacing shared by both models, if any.
    package var messages: MessageRate? {
        get {
            switch self {
            case .closed(let load): return load.messages
            case .open(let load): return load.messages
            }
        }
        set {
            switch self {
            case .closed(var load):
                load.messages = newValue
                self = .closed(load)
            case .open(var load):
                load.messages = newValue
                self = .open(load)
            }
        }
    }

    /// The time the model's own stages take (ramps plus hold); zero when it has none.
    package var stagedDuration: Duration {
        switch self {
        case .closed(let load):
            return load.stages.reduce(Duration.zero) { $0 + $1.duration }
        case .open(let load):
            return load.stages.reduce(Duration.zero) { $0 + $1.duration }
        }
    }
}
