/// How wsprobe learns which backend target served a connection.
package enum IdentitySource: Sendable, Hashable {
    /// The value of this response header on the 101 (e.g. `X-Wsprobe-Target`; `wsprobe serve --id` sets it).
    case header(String)
    /// Send `message` after the upgrade and read the identity from the reply with `pattern`
    /// (capture group 1 if present, else the whole match). `wsprobe serve` answers `whoami`.
    case probe(message: String, pattern: String, timeout: Duration)
    /// Apply `pattern` to the first message the server sends unprompted.
    case firstMessage(pattern: String, timeout: Duration)
}
