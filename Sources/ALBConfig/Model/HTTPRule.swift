/// One entry of a forwarding rule's `httpRules`: conditions on the request and an action.
package struct HTTPRule: Sendable, Hashable {
    /// `type`: what the rule does when all its conditions match.
    package enum Action: String, Sendable, Hashable, CaseIterable {
        /// Send the request to `targetGroup`.
        case forward = "FORWARD"
        /// Answer with `statusCode` and `responseMessage`.
        case staticResponse = "STATIC"
        /// Answer with a redirect to `location`.
        case redirect = "REDIRECT"
    }

    /// `name`.
    package var name: String?
    /// `type`.
    package var type: Action
    /// `targetGroup`: the target group ID (FORWARD only, mandatory there).
    package var targetGroup: String?
    /// `dropQuery` (REDIRECT only).
    package var dropQuery: Bool?
    /// `location` (REDIRECT only, mandatory there).
    package var location: String?
    /// `statusCode`: 301/302/303/307/308 for REDIRECT (default 301), 200–599 for STATIC (default 503).
    package var statusCode: Int?
    /// `responseMessage` (STATIC only, mandatory there).
    package var responseMessage: String?
    /// `contentType` (STATIC only).
    package var contentType: String?
    /// `conditions`: all must match; a rule without conditions always applies.
    package var conditions: [RuleCondition]
    /// Where the rule object is in its file.
    package var source: SourceLocation

    package init(
        name: String?,
        type: Action,
        targetGroup: String? = nil,
        dropQuery: Bool? = nil,
        location: String? = nil,
        statusCode: Int? = nil,
        responseMessage: String? = nil,
        contentType: String? = nil,
        conditions: [RuleCondition],
        source: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.targetGroup = targetGroup
        self.dropQuery = dropQuery
        self.location = location
        self.statusCode = statusCode
        self.responseMessage = responseMessage
        self.contentType = contentType
        self.conditions = conditions
        self.source = source
    }

    /// A short human name for messages: `FORWARD rule "chat"`.
    package var displayName: String {
        "\(type.rawValue) rule" + (name.map { " \"\($0)\"" } ?? "")
    }
}
