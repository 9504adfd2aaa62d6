/// What the emulated ALB does with one request head, as decided by `ALBRouter`.
package enum ALBDecision: Sendable, Hashable {
    /// Forward to one of these targets (chosen later among the running ones, by weight).
    case forward(rule: String?, targets: [String])
    /// Answer this status and close.
    case status(rule: String?, code: Int)
    /// Answer 301 with this location and close.
    case redirect(rule: String?, location: String)
    /// No rule matched: answer 404, an ALB's default.
    case noRule
}
