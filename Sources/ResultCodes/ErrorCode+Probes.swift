extension ErrorCode {
    package static let routeMismatch = ErrorCode(
        "route.mismatch",
        .upgrade,
        "the routing matrix: the route reached another target than expected"
    )
    package static let routeUnidentified = ErrorCode(
        "route.unidentified",
        .upgrade,
        "the routing matrix: the 101 carried no identity header"
    )
    package static let routeInvalidRequest = ErrorCode(
        "route.invalid-request",
        .upgrade,
        "the routing matrix: the route's request could not be built"
    )
    package static let weightsMismatch = ErrorCode(
        "weights.mismatch",
        .upgrade,
        "the weight check: the observed split rejects the configured weights"
    )
    package static let weightsUnidentified = ErrorCode(
        "weights.unidentified",
        .upgrade,
        "the weight check: upgrades carried no identity header to count"
    )
    package static let probeConnect = ErrorCode(
        "probe.connect",
        .upgrade,
        "`probe idle`: no probe connection upgraded, so nothing was measured",
        exitStatus: 4
    )
}

extension ErrorCodeFamily {
    /// The routing matrix, the weight check and the idle probe.
    package static let probes = ErrorCodeFamily(
        title: "Probes",
        summary: "The routing matrix and weight check (`routes`, `weights`) and `probe idle`.",
        codes: [
            .routeMismatch, .routeUnidentified, .routeInvalidRequest, .weightsMismatch, .weightsUnidentified,
            .probeConnect,
        ]
    )
}
