extension ErrorCode {
    package static let checkFailed = ErrorCode("check.failed", nil, "JUnit: a failed check that has no code of its own")
    package static let thresholdFailed = ErrorCode("threshold.failed", nil, "JUnit: a threshold that did not hold")
    package static let runError = ErrorCode("run.error", nil, "JUnit: the run measured nothing (verdict `error`)")
}

extension ErrorCodeFamily {
    /// The failure types of junit.xml that are not a check's own code.
    package static let reports = ErrorCodeFamily(
        title: "Reports",
        summary: "The `type` of a JUnit `<failure>` or `<error>` that has no code of its own (`JUnitReportWriter`).",
        codes: [.checkFailed, .thresholdFailed, .runError]
    )
}
