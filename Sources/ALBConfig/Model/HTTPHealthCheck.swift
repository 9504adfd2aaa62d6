/// A target group's `httpHealthCheck`: an HTTP request whose answer decides whether a target is healthy.
package struct HTTPHealthCheck: Sendable, Hashable {
    /// `path` (default `/`).
    package var path: String?
    /// `method`: GET, HEAD, PUT, POST, TRACE, PATCH or OPTIONS.
    package var method: String?
    /// `matchType`: `STATUS_CODE` or `RESPONSE_BODY`.
    package var matchType: String?
    /// `response`: the expected status code or body.
    package var response: String?
    /// Where the object is in its file.
    package var source: SourceLocation

    package init(path: String?, method: String?, matchType: String?, response: String?, source: SourceLocation) {
        self.path = path
        self.method = method
        self.matchType = matchType
        self.response = response
        self.source = source
    }
}
