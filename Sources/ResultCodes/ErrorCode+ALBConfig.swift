extension ErrorCode {
    package static let albFileUnreadable = ErrorCode(
        "alb.file-unreadable",
        nil,
        "an ALB JSON file could not be read",
        exitStatus: 2
    )
    package static let albMalformedJSON = ErrorCode("alb.malformed-json", nil, "an ALB file is not JSON", exitStatus: 2)
    package static let albWrongType = ErrorCode(
        "alb.wrong-type",
        nil,
        "a member of an ALB document has the wrong JSON type",
        exitStatus: 2
    )
    package static let albMissingField = ErrorCode(
        "alb.missing-field",
        nil,
        "a member the ALB model needs is absent or null",
        exitStatus: 2
    )
    package static let albInvalidValue = ErrorCode(
        "alb.invalid-value",
        nil,
        "a member of an ALB document is out of its range or grammar",
        exitStatus: 2
    )
    package static let albUnrecognizedDocument = ErrorCode(
        "alb.unrecognized-document",
        nil,
        "a JSON file that is no ALB, forwarding rule or target group",
        exitStatus: 2
    )
    package static let albFormatFailed = ErrorCode(
        "alb.format-failed",
        nil,
        "`alb lint --format json` could not render the report",
        exitStatus: 2
    )
    package static let albScenarioNoForwardingRule = ErrorCode(
        "alb.scenario.no-forwarding-rule",
        nil,
        "`alb scenario`: the files hold no forwarding rule",
        exitStatus: 2
    )
    package static let albScenarioAmbiguousForwardingRule = ErrorCode(
        "alb.scenario.ambiguous-forwarding-rule",
        nil,
        "`alb scenario`: several forwarding rules and no `--forwarding-rule`",
        exitStatus: 2
    )
    package static let albScenarioUnknownForwardingRule = ErrorCode(
        "alb.scenario.unknown-forwarding-rule",
        nil,
        "`alb scenario`: `--forwarding-rule` names none of the loaded rules",
        exitStatus: 2
    )
    package static let albScenarioNoBaseURL = ErrorCode(
        "alb.scenario.no-base-url",
        nil,
        "`alb scenario`: no `--base-url` and the rule has no `listenerIp`",
        exitStatus: 2
    )
    package static let albScenarioInvalid = ErrorCode(
        "alb.scenario.invalid",
        nil,
        "`alb scenario`: the generated scenario does not load cleanly (a wsprobe bug)",
        exitStatus: 2
    )
    package static let albScenarioWrite = ErrorCode(
        "alb.scenario.write",
        nil,
        "`alb scenario`: the scenario file could not be written",
        exitStatus: 3
    )
}

extension ErrorCodeFamily {
    /// Loading IONOS ALB documents (`ALBConfigError`), `alb lint` and `alb scenario`; lint findings have rule ids.
    package static let albConfig = ErrorCodeFamily(
        title: "ALB configuration",
        summary: "`alb lint` and `alb scenario` reading IONOS Cloud ALB documents (`ALBConfigError`, "
            + "`ScenarioGenerationError`); the lint findings themselves are rules of [alb-lint.md](alb-lint.md).",
        codes: [
            .albFileUnreadable, .albMalformedJSON, .albWrongType, .albMissingField, .albInvalidValue,
            .albUnrecognizedDocument, .albFormatFailed, .albScenarioNoForwardingRule,
            .albScenarioAmbiguousForwardingRule, .albScenarioUnknownForwardingRule, .albScenarioNoBaseURL,
            .albScenarioInvalid, .albScenarioWrite,
        ]
    )
}
