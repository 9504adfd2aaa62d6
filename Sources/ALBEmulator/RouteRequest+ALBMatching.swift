package import Scenario
import WSProtocol

extension RouteRequest {
    /// Whether `request` satisfies every condition of this rule match (an empty match always does): the host
    /// case-insensitively and without its port, the path exactly or as a glob, the method and the `Upgrade`
    /// spelling exactly, query parameters (percent-decoded) and cookies by exact value, headers by
    /// case-insensitive name and exact value of any repeated field.
    package func matches(_ request: ALBRequest) -> Bool {
        if let host = self.host, request.host != ALBRequest.hostName(host) { return false }
        if let path = self.path, !Self.glob(path, matches: request.path) { return false }
        if let method = self.method, request.method != method { return false }
        if let spelling = self.upgradeHeader, request.headers["Upgrade"] != spelling { return false }
        for condition in self.query where !request.query.contains(condition) { return false }
        for condition in self.cookies where !request.cookies.contains(condition) { return false }
        for condition in self.headers where !request.headers.values(named: condition.name).contains(condition.value) {
            return false
        }
        return true
    }

    /// Whether `text` matches `pattern`, in which `*` stands for any run of characters (also none) and `?`
    /// for exactly one; every other character stands for itself. A pattern without either is an exact match.
    ///
    /// Linear-time two-pointer matching with backtracking to the last `*` only, so no pattern can make a
    /// request path cost more than pattern length × path length steps.
    package static func glob(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(text.unicodeScalars)
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let last = star {
                p = last + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
