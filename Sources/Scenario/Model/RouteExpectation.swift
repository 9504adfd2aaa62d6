/// The expected outcome of a routing-matrix row.
package enum RouteExpectation: Sendable, Hashable {
    /// Upgraded (101) and served by one of these target identities.
    case targets(Set<String>)
    /// Answered with this non-101 status (e.g. a STATIC rule's 403).
    case status(Int)
    /// Redirected (301/302/303/307/308) to this `Location`.
    case redirect(location: String)

    /// Whether the row names target identities (and so needs an identity source).
    package var namesTargets: Bool {
        if case .targets = self { return true }
        return false
    }
}
