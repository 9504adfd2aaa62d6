/// A message rate that paces `send` steps, per connection or shared across all connections.
package struct MessageRate: Sendable, Hashable {
    /// Whether `rate` applies to each connection or to the whole run.
    package enum Scope: String, Sendable, Hashable, CaseIterable {
        case connection
        case total
    }

    package var rate: Rate
    package var per: Scope
    package var spacing: Spacing

    package init(rate: Rate, per: Scope = .connection, spacing: Spacing = .constant) {
        self.rate = rate
        self.per = per
        self.spacing = spacing
    }
}
