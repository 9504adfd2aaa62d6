package import Foundation

/// What a report shows of one certificate of the peer's chain.
package struct CertificateFacts: Sendable, Hashable, Codable {
    /// The subject distinguished name (`CN=example.com, O=…`).
    package var subject: String
    /// The issuer distinguished name.
    package var issuer: String
    /// End of validity.
    package var notAfter: Date
    /// Whole days from the run start to `notAfter` (negative once expired); a warning sign below ~14.
    package var daysLeft: Int

    package init(subject: String, issuer: String, notAfter: Date, daysLeft: Int) {
        self.subject = subject
        self.issuer = issuer
        self.notAfter = notAfter
        self.daysLeft = daysLeft
    }

    /// Facts with `daysLeft` computed from `notAfter` as seen at `now` (rounded down to whole days).
    package init(subject: String, issuer: String, notAfter: Date, at now: Date) {
        let days = (notAfter.timeIntervalSince(now) / 86_400).rounded(.down)
        // Dates come from peer certificates: clamp instead of trapping on absurd validity periods.
        let clamped = days.isFinite ? Swift.min(Swift.max(days, -1e15), 1e15) : 0
        self.init(subject: subject, issuer: issuer, notAfter: notAfter, daysLeft: Int(clamped))
    }
}
