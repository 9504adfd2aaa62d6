import NIOCore
import Scenario
import WSTransport

extension EmbeddedTargets {
    /// The scenario's embedded targets as the configuration of the transport layer's ALB emulation.
    func albConfiguration(subprotocols: [String]) -> EmbeddedALBConfiguration {
        EmbeddedALBConfiguration(
            targets: self.targets.map { ALBTarget(id: $0.id, weight: $0.weight) },
            rules: self.rules.map { rule in
                ALBRule(name: rule.name, match: Self.match(rule.match), action: Self.action(rule.action))
            },
            idleTimeout: self.idleTimeout.map(Self.timeAmount),
            events: self.events.map { event in
                ALBEvent(at: event.at, target: event.target, action: Self.action(event.action))
            },
            identityHeaderName: self.identityHeader,
            subprotocols: subprotocols
        )
    }

    private static func match(_ request: RouteRequest) -> ALBMatch {
        ALBMatch(
            host: request.host,
            path: request.path,
            query: request.query.map { ALBMatch.Pair($0.name, $0.value) },
            headers: request.headers.map { ALBMatch.Pair($0.name, $0.value) },
            cookies: request.cookies.map { ALBMatch.Pair($0.name, $0.value) },
            method: request.method,
            upgradeHeader: request.upgradeHeader
        )
    }

    private static func action(_ action: Action) -> ALBRule.Action {
        switch action {
        case .forward(let ids): .forward(ids)
        case .status(let code): .status(code)
        case .redirect(let location): .redirect(location)
        }
    }

    private static func action(_ action: Event.Action) -> ALBEvent.Action {
        switch action {
        case .drain: .drain
        case .stop: .stop
        case .start: .start
        }
    }

    /// A duration as NIO's `TimeAmount`, saturating at the largest representable amount.
    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .nanoseconds(.max) }
        let (total, overflowSum) = nanos.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowSum ? .nanoseconds(.max) : .nanoseconds(total)
    }
}
