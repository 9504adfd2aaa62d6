import Synchronization

/// The one redaction step of every wsprobe output: console text, `--json`, report files, error messages.
///
/// A value is a secret when its name says so (``isSensitive(name:)``): query parameters, header fields,
/// cookies, scenario keys and `--set` paths. Structured outputs replace such values where they are built
/// (``value(_:forName:)``, ``redact(fieldLine:)``); every byte that leaves the process then passes through
/// ``redact(text:)``, which also hides URL userinfo, sensitive query values, and every secret value
/// registered from the command line, the scenario or an input report (``register(secret:)``), wherever it
/// appears. Redacted values read as ``marker``, so `?token=abc` becomes `?token=[redacted]` in every format.
///
/// `--show-secrets` turns the whole step off for one process (``setShowsSecrets(_:)``); the requests on
/// the wire are never changed.
package enum Redaction {
    /// What a redacted value reads as: the same in every format (no character needs escaping in JSON,
    /// HTML or XML), so a redacted name is stable across report.json, report.html and junit.xml.
    package static let marker = "[redacted]"

    /// Registered values shorter than this are not hidden wherever they appear (a cookie `true` would
    /// otherwise blank every `true` of a report); they are still hidden under their sensitive name.
    package static let minimumRegisteredLength = 8

    private struct Policy {
        var showsSecrets = false
        /// Registered secrets, longest first so a secret containing another is replaced whole.
        var secrets: [String] = []
    }

    private static let policy = Mutex(Policy())

    /// Whether `--show-secrets` switched redaction off for this process.
    package static var showsSecrets: Bool {
        Self.policy.withLock { $0.showsSecrets }
    }

    /// Switches redaction off (`true`, `--show-secrets`) or on for this process.
    package static func setShowsSecrets(_ shows: Bool) {
        Self.policy.withLock { $0.showsSecrets = shows }
    }

    /// Remembers `secret` so ``redact(text:)`` hides it wherever it appears; an `Authorization`-style
    /// `Scheme credentials` value also registers the credentials, a `Cookie` value each cookie's value.
    package static func register(secret: String) {
        var candidates = [secret.trimmingSpaces]
        let words = secret.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count > 1 { candidates += words.dropFirst().map { String($0).trimmingCharacters(",") } }
        for cookie in secret.split(separator: ";") {
            if let equals = cookie.firstIndex(of: "=") {
                candidates.append(String(cookie[cookie.index(after: equals)...]).trimmingSpaces)
            }
        }
        let plain = candidates.filter { $0.count >= Self.minimumRegisteredLength && $0 != Self.marker }
        let added = plain + plain.flatMap(Self.encodedForms)
        guard !added.isEmpty else { return }
        Self.policy.withLock { policy in
            for secret in added where !policy.secrets.contains(secret) { policy.secrets.append(secret) }
            policy.secrets.sort { $0.count > $1.count }
        }
    }

    /// The registered secrets (longest first); empty when ``showsSecrets``.
    static var registeredSecrets: [String] {
        Self.policy.withLock { $0.showsSecrets ? [] : $0.secrets }
    }

    /// Names whose whole value is a credential.
    private static let exactNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "cookies", "sig", "pwd", "pass", "jwt",
    ]
    /// Fragments that make any name a credential's (`X-Api-Key`, `access_token`, `X-Amz-Signature`, …).
    private static let fragments = [
        "token", "secret", "key", "password", "passwd", "credential", "auth", "session", "signature",
    ]
    /// Names that match a fragment but carry no secret: the handshake's public nonce and its hash.
    private static let publicNames: Set<String> = ["sec-websocket-key", "sec-websocket-accept"]

    /// Whether a header, cookie, query parameter, scenario key or `--set` path with this name holds a
    /// secret: `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`, `sig`, `pwd`, `pass`, `jwt`, or
    /// any name containing `token`, `secret`, `key`, `password`, `passwd`, `credential`, `auth`, `session`
    /// or `signature` (case-insensitive). `Sec-WebSocket-Key`, a public nonce, is not a secret.
    package static func isSensitive(name: String) -> Bool {
        let lower = name.lowercased().trimmingCharacters("\"'")
        if Self.publicNames.contains(lower) { return false }
        if Self.exactNames.contains(lower) { return true }
        return Self.fragments.contains { lower.contains($0) }
    }

    /// `value`, or ``marker`` when `name` is sensitive (and secrets are not shown).
    package static func value(_ value: String, forName name: String) -> String {
        guard !Self.showsSecrets, Self.isSensitive(name: name) else { return value }
        return Self.marker
    }

    /// A `Name: value` line (a header, or a YAML or JSON `key: value` line, indentation, `- ` and quotes
    /// kept) with the value replaced when the name is sensitive; any other line through ``redact(text:)``.
    package static func redact(fieldLine line: String) -> String {
        guard !Self.showsSecrets else { return line }
        if let colon = line.firstIndex(of: ":") {
            let head = line[..<colon]
            var name = head.drop { $0 == " " || $0 == "\t" }
            if name.hasPrefix("- ") { name = name.dropFirst(2) }
            let bare = String(name).trimmingSpaces
            let afterColon = line[line.index(after: colon)...]
            if !bare.isEmpty, !bare.contains(" "), !afterColon.hasPrefix("//"), Self.isSensitive(name: bare) {
                return head + ": " + Self.marker
            }
        }
        return Self.redact(text: line)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String { self.trimmingCharacters(" \t") }

    /// The string without leading and trailing characters of `set`.
    func trimmingCharacters(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
