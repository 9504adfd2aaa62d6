/// Something about a weight distribution worth naming besides the χ² verdict.
package struct WeightDistributionFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of finding.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// A target with weight > 0 served no connection.
        case missingTarget = "missing-target"
        /// A target served connections although it is not configured, or is configured with weight 0.
        case unexpectedTarget = "unexpected-target"
        /// Every connection went to one target although several have a positive weight.
        case stuck
        /// A positive-weight target expects fewer than 5 connections: the χ² approximation is unreliable.
        case smallSample = "small-sample"
        /// No connection was counted at all.
        case noData = "no-data"
    }

    package var kind: Kind
    /// The target concerned; nil for findings about the whole distribution.
    package var target: String?
    /// Whether the finding fails the check on its own (warnings do not).
    package var fails: Bool
    /// A sentence a person understands.
    package var message: String

    package init(kind: Kind, target: String?, fails: Bool, message: String) {
        self.kind = kind
        self.target = target
        self.fails = fails
        self.message = message
    }

    package var description: String {
        "\(self.fails ? "error" : "warning")[weights.\(self.kind.rawValue)]: \(self.message)"
    }
}
