package import Scenario

/// One generated routing-matrix row, with the reason it expects what it expects.
package struct GeneratedRoute: Sendable, Hashable {
    package var route: Route
    /// Why this outcome is expected (written as a YAML comment above the row).
    package var comment: String

    package init(route: Route, comment: String) {
        self.route = route
        self.comment = comment
    }
}
