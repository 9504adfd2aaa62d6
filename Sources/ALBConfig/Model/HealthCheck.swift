/// A target group's `healthCheck`: how often and how patiently targets are checked (milliseconds).
package struct HealthCheck: Sendable, Hashable {
    /// `checkInterval` in ms (default 2000).
    package var checkInterval: Int?
    /// `checkTimeout` in ms.
    package var checkTimeout: Int?
    /// `retries` (0–65535, default 3).
    package var retries: Int?

    package init(checkInterval: Int?, checkTimeout: Int?, retries: Int?) {
        self.checkInterval = checkInterval
        self.checkTimeout = checkTimeout
        self.retries = retries
    }
}
