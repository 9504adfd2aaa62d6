/// What an ALB stand-in (HAProxy or nginx) does: its target groups, its forwarding rules and the
/// fixed special paths, rendered into either proxy's configuration.
///
/// Request handling, in this order (the first match wins):
///
/// | path (exact)  | answer                                                                          |
/// |---------------|---------------------------------------------------------------------------------|
/// | `/health`     | 200 `text/html` health page (`healthPage`), from the proxy itself               |
/// | `/static`     | `staticStatus` (503) `text/plain` `staticBody`: a STATIC-like fixed response    |
/// | `/dead`       | forward to `deadBackendPort` where nothing listens: 502 (nginx) or 503 (HAProxy)|
/// | `/ws`         | forward to `defaultGroup`, upgrade passed through                               |
/// | `/stripped`   | forward to `defaultGroup` with `Upgrade`/`Connection` removed (backend: 426)    |
/// | `/idle`       | forward to `defaultGroup` with a tunnel idle timeout of `idleTimeoutSeconds`    |
/// | `/plain`      | forward to `plainHTTPPort` (a plain HTTP backend that ignores Upgrade), if set  |
/// | anything else | `rules` in order; no match: 404 `text/plain` "no rule matched"                  |
///
/// Both listeners (plain HTTP and, with `tls`, HTTPS) serve the same table.
package struct ALBStandInConfiguration: Sendable {
    /// Named target groups; every group balances round robin by weight.
    package var groups: [ALBTargetGroup]
    /// The group behind `/ws`, `/stripped` and `/idle`.
    package var defaultGroup: String
    /// Forwarding rules for every other path, first match wins.
    package var rules: [ALBRule]
    /// The plain HTTP backend behind `/plain` (e.g. `HostileServer`, whose `/plain` answers 200).
    package var plainHTTPPort: Int?
    /// The tunnel idle timeout of `/idle` (HAProxy `timeout tunnel`, nginx `proxy_read_timeout`); 2 s.
    package var idleTimeoutSeconds: Int
    /// The status of `/static`; 503.
    package var staticStatus: Int
    /// The body of `/static`.
    package var staticBody: String
    /// TLS termination on a second listener with these files; none when `nil`.
    package var tls: PeerTLS?

    /// The body of `/health`.
    package static let healthPage = "<html><head><title>Health</title></head><body><h1>OK</h1></body></html>"
    /// The body of the 404 when no rule matches.
    package static let noRuleBody = "no rule matched"

    package init(
        groups: [ALBTargetGroup],
        defaultGroup: String,
        rules: [ALBRule] = [],
        plainHTTPPort: Int? = nil,
        idleTimeoutSeconds: Int = 2,
        staticStatus: Int = 503,
        staticBody: String = "maintenance: this rule answers with a fixed response",
        tls: PeerTLS? = nil
    ) {
        self.groups = groups
        self.defaultGroup = defaultGroup
        self.rules = rules
        self.plainHTTPPort = plainHTTPPort
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.staticStatus = staticStatus
        self.staticBody = staticBody
        self.tls = tls
    }

    /// The standard table the interop tests use, over three backends A, B and C:
    ///
    /// groups `a` = [A], `b` = [B], `c` = [C], `weighted` = [A weight 3, B weight 1]; default group `a`;
    /// rules, in order: Host `a.example` → a; path prefix `/b` → b; header `X-Route: c` → c;
    /// query `target=a` → a; cookie `grp=b` → b; path prefix `/weighted` → weighted;
    /// path prefix `/fixed` → fixed 418 "fixed by rule".
    package static func standard(
        a: Int,
        b: Int,
        c: Int,
        plainHTTPPort: Int? = nil,
        tls: PeerTLS? = nil
    ) -> ALBStandInConfiguration {
        ALBStandInConfiguration(
            groups: [
                ALBTargetGroup(name: "a", targets: [ALBTarget(port: a)]),
                ALBTargetGroup(name: "b", targets: [ALBTarget(port: b)]),
                ALBTargetGroup(name: "c", targets: [ALBTarget(port: c)]),
                ALBTargetGroup(
                    name: "weighted",
                    targets: [ALBTarget(port: a, weight: 3), ALBTarget(port: b, weight: 1)]
                ),
            ],
            defaultGroup: "a",
            rules: [
                ALBRule(.host("a.example"), .forward(group: "a")),
                ALBRule(.pathPrefix("/b"), .forward(group: "b")),
                ALBRule(.header(name: "X-Route", value: "c"), .forward(group: "c")),
                ALBRule(.query(name: "target", value: "a"), .forward(group: "a")),
                ALBRule(.cookie(name: "grp", value: "b"), .forward(group: "b")),
                ALBRule(.pathPrefix("/weighted"), .forward(group: "weighted")),
                ALBRule(.pathPrefix("/fixed"), .fixedResponse(status: 418, body: "fixed by rule")),
            ],
            plainHTTPPort: plainHTTPPort,
            tls: tls
        )
    }

    /// Checks names and strings so that they render safely into both configuration languages.
    ///
    /// - Throws: `PeerError.invalidConfiguration` naming the offending value.
    package func validate() throws {
        let names = Set(groups.map(\.name))
        guard names.count == groups.count else { throw PeerError.invalidConfiguration("duplicate group names") }
        for group in groups {
            try Self.check(group.name, allowed: Self.nameCharacters, what: "group name")
            guard !group.targets.isEmpty else {
                throw PeerError.invalidConfiguration("group \(group.name) has no targets")
            }
            for target in group.targets where !(1...256).contains(target.weight) || !(1...65535).contains(target.port) {
                throw PeerError.invalidConfiguration("group \(group.name): port \(target.port) weight \(target.weight)")
            }
        }
        guard names.contains(defaultGroup) else {
            throw PeerError.invalidConfiguration("default group \(defaultGroup) is not defined")
        }
        try Self.check(staticBody, allowed: Self.textCharacters, what: "static body")
        for rule in rules {
            switch rule.condition {
            case .host(let value), .pathPrefix(let value):
                try Self.check(value, allowed: Self.nameCharacters.union(["/", "."]), what: "condition value")
            case .header(let name, let value), .query(let name, let value), .cookie(let name, let value):
                try Self.check(name, allowed: Self.nameCharacters, what: "condition name")
                try Self.check(value, allowed: Self.nameCharacters.union([".", "/"]), what: "condition value")
            }
            switch rule.action {
            case .forward(let group):
                guard names.contains(group) else {
                    throw PeerError.invalidConfiguration("rule to unknown group \(group)")
                }
            case .fixedResponse(let status, let body):
                guard (200...599).contains(status) else { throw PeerError.invalidConfiguration("status \(status)") }
                try Self.check(body, allowed: Self.textCharacters, what: "fixed body")
            }
        }
    }

    private static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
    private static let textCharacters = nameCharacters.union(" .,:;/()!?=+<>'")

    private static func check(_ value: String, allowed: Set<Character>, what: String) throws {
        guard !value.isEmpty, value.allSatisfy(allowed.contains) else {
            throw PeerError.invalidConfiguration(
                "\(what) '\(value)' must be non-empty and use only \(String(allowed.sorted()))"
            )
        }
    }
}
