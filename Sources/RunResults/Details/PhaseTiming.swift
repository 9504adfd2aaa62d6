/// One phase of a `check` connection: its name, how long it took and what it established.
package struct PhaseTiming: Sendable, Hashable {
    /// `dns`, `tcp`, `tls`, `upgrade`, `echo`, `ping`, `close`.
    package var phase: String
    /// Duration in milliseconds; `nil` when the phase did not run (`dns` for an address, `tls` for `ws://`) or
    /// failed before it could be timed.
    package var milliseconds: Double?
    /// What the phase established or why it failed (`127.0.0.1:8080`, `101 Switching Protocols`); `nil` in
    /// version-1 reports.
    package var detail: String?
    /// Whether the phase succeeded (version-1 reports hold only phases that did).
    package var passed: Bool

    package init(phase: String, milliseconds: Double?, detail: String? = nil, passed: Bool = true) {
        self.phase = phase
        self.milliseconds = milliseconds
        self.detail = detail
        self.passed = passed
    }
}

extension PhaseTiming: Codable {
    private enum CodingKeys: String, CodingKey {
        case phase, milliseconds, detail, passed
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            phase: try container.decode(String.self, forKey: .phase),
            milliseconds: try container.decodeIfPresent(Double.self, forKey: .milliseconds),
            detail: try container.decodeIfPresent(String.self, forKey: .detail),
            passed: try container.decodeIfPresent(Bool.self, forKey: .passed) ?? true
        )
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.phase, forKey: .phase)
        try container.encodeIfPresent(self.milliseconds, forKey: .milliseconds)
        try container.encodeIfPresent(self.detail, forKey: .detail)
        try container.encode(self.passed, forKey: .passed)
    }
}
