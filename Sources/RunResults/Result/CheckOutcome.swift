/// The outcome of one check: an upgrade-response expectation, a step of `wsprobe check`, a route of
/// a routing matrix.
package struct CheckOutcome: Sendable, Hashable, Codable {
    /// A stable, human-readable name (`upgrade.status`, `route /chat → pod-a`); unique within a result.
    package var name: String
    /// Whether the check held.
    package var passed: Bool
    /// One sentence for a person: what was checked and, on failure, the diagnosis.
    package var message: String
    /// What was seen (e.g. `"200 OK"`), when it is meaningful.
    package var observed: String?
    /// What was expected (e.g. `"101"`), when it is meaningful.
    package var expected: String?
    /// The connection phase the check belongs to (a `Phase`: `dns`, `tcp`, `tls`, `upgrade`, `open`, `close`).
    package var phase: String?
    /// The stable error code of a failure (`handshake.unexpected-status`), as in the error counts.
    package var code: String?
    /// How long the check took, in seconds, when it measured something of its own (a routing row's upgrade, the
    /// weight check's connections); nil otherwise and in older reports. JUnit's `time` reads it.
    package var seconds: Double?

    package init(
        name: String,
        passed: Bool,
        message: String,
        observed: String? = nil,
        expected: String? = nil,
        phase: String? = nil,
        code: String? = nil
    ) {
        self.name = name
        self.passed = passed
        self.message = message
        self.observed = observed
        self.expected = expected
        self.phase = phase
        self.code = code
    }
}
