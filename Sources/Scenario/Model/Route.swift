/// One row of a routing matrix: an upgrade request and where it must end up.
package struct Route: Sendable, Hashable {
    /// The row's name; unique, used as the check name in every report.
    package var name: String
    package var request: RouteRequest
    package var expect: RouteExpectation

    package init(name: String, request: RouteRequest, expect: RouteExpectation) {
        self.name = name
        self.request = request
        self.expect = expect
    }
}
