/// One forwarding rule of an ALB stand-in: a condition on the upgrade request and an action.
package struct ALBRule: Sendable {
    package var condition: ALBCondition
    package var action: ALBAction

    package init(_ condition: ALBCondition, _ action: ALBAction) {
        self.condition = condition
        self.action = action
    }
}

/// What a rule matches on. Values are compared exactly (host case-insensitively, without the port).
package enum ALBCondition: Sendable {
    /// The `Host` header without its port, e.g. `a.example`.
    case host(String)
    /// The path starts with this prefix (a plain string, no pattern), e.g. `/b`.
    case pathPrefix(String)
    /// A request header has exactly this value, e.g. `X-Route: c`.
    case header(name: String, value: String)
    /// A query parameter has exactly this value, e.g. `target=a`.
    case query(name: String, value: String)
    /// A cookie has exactly this value, e.g. `grp=b`.
    case cookie(name: String, value: String)
}

/// What a matching rule does.
package enum ALBAction: Sendable {
    /// Forward to a target group by name.
    case forward(group: String)
    /// Answer with a fixed status and `text/plain` body (a STATIC rule).
    case fixedResponse(status: Int, body: String)
}
