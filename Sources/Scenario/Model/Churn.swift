/// Connection turnover in the closed model: limited lifetimes and reconnection after a close.
package struct Churn: Sendable, Hashable {
    /// Close each connection (1000) after this long and open a new one; `nil` keeps it until the end.
    package var lifetime: Duration?
    /// Reconnect after an unexpected close; `nil` lets the population shrink.
    package var reconnect: Backoff?

    package init(lifetime: Duration? = nil, reconnect: Backoff? = nil) {
        self.lifetime = lifetime
        self.reconnect = reconnect
    }
}
