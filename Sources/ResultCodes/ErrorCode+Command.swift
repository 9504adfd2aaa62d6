extension ErrorCode {
    package static let usageDuration = ErrorCode(
        "usage.duration",
        nil,
        "a duration flag is malformed, has no unit or is out of range",
        exitStatus: 2
    )
    package static let usageSize = ErrorCode(
        "usage.size",
        nil,
        "a size flag is malformed or above 16MiB",
        exitStatus: 2
    )
    package static let usageCount = ErrorCode(
        "usage.count",
        nil,
        "`probe deflate --count` is outside 1-100",
        exitStatus: 2
    )
    package static let usageRate = ErrorCode(
        "usage.rate",
        nil,
        "`probe rate`'s `--from`/`--to` are malformed, below 1/s or reversed",
        exitStatus: 2
    )
    package static let usagePrecision = ErrorCode(
        "usage.precision",
        nil,
        "`probe rate --precision` is malformed or not above 0%",
        exitStatus: 2
    )
    package static let usageMaxSteps = ErrorCode(
        "usage.max-steps",
        nil,
        "`probe rate --max-steps` is outside 1-50",
        exitStatus: 2
    )
    package static let usageModes = ErrorCode(
        "usage.modes",
        nil,
        "`probe idle --modes` names an unknown keep-alive mode",
        exitStatus: 2
    )
    package static let usageExpectCutoff = ErrorCode(
        "usage.expect-cutoff",
        nil,
        "`probe idle --expect-cutoff` is malformed or out of range",
        exitStatus: 2
    )
    package static let usageDeflate = ErrorCode(
        "usage.deflate",
        nil,
        "a `--deflate` value is not a valid permessage-deflate offer, or is given where the command makes its own",
        exitStatus: 2
    )
    package static let usageHeader = ErrorCode(
        "usage.header",
        nil,
        "a `-H` value is not `Name: value`, or contains CR, LF or NUL",
        exitStatus: 2
    )
    package static let usageOrigin = ErrorCode("usage.origin", nil, "`--origin` contains CR, LF or NUL", exitStatus: 2)
    package static let usageSubprotocol = ErrorCode(
        "usage.subprotocol",
        nil,
        "a `--subprotocol` is not an HTTP token",
        exitStatus: 2
    )
    package static let usageSource = ErrorCode(
        "usage.source",
        nil,
        "a `--source` (or `target.source`) entry is not a usable local address",
        exitStatus: 2
    )
    package static let usageTLS = ErrorCode(
        "usage.tls",
        nil,
        "TLS flags that do not fit the URL or each other (`--cert` without `--key`, …)",
        exitStatus: 2
    )
    package static let usageTLSMin = ErrorCode(
        "usage.tls-min",
        nil,
        "`--tls-min` is neither 1.2 nor 1.3",
        exitStatus: 2
    )
    package static let scenarioInvalid = ErrorCode(
        "scenario.invalid",
        nil,
        "the scenario has errors (each printed as `file:line:col: error[scenario.*]`)",
        exitStatus: 2
    )
    package static let rateNoMessages = ErrorCode(
        "rate.no-messages",
        nil,
        "`probe rate`: the scenario sends no messages, so there is no rate to search",
        exitStatus: 2
    )
    package static let rateNoThresholds = ErrorCode(
        "rate.no-thresholds",
        nil,
        "`probe rate`: the scenario has no thresholds to decide which rates pass",
        exitStatus: 2
    )
    package static let payloadSize = ErrorCode(
        "payload.size",
        nil,
        "a `send.file` payload is larger than the 16MiB message limit",
        exitStatus: 2
    )
    package static let payloadFile = ErrorCode(
        "payload.file",
        nil,
        "a `send.file` payload cannot be read",
        exitStatus: 3
    )
    package static let runStart = ErrorCode(
        "run.start",
        nil,
        "the event loops or the run could not be started",
        exitStatus: 3
    )
    package static let embeddedStart = ErrorCode(
        "embedded.start",
        nil,
        "the embedded target could not start",
        exitStatus: 3
    )
    package static let embeddedTLS = ErrorCode(
        "embedded.tls",
        nil,
        "the embedded target's throwaway TLS files could not be made",
        exitStatus: 3
    )
    package static let outputUnwritable = ErrorCode(
        "output.unwritable",
        nil,
        "the report folder cannot be created or written (checked before the run)",
        exitStatus: 3
    )
    package static let outputWrite = ErrorCode(
        "output.write",
        nil,
        "a report or output file could not be written",
        exitStatus: 3
    )
    package static let limitsOpenFiles = ErrorCode(
        "limits.open-files",
        nil,
        "the open-files hard limit is below what the load model needs",
        exitStatus: 3
    )
}

extension ErrorCodeFamily {
    /// What ends a command before or after its work: the command line, the scenario, files and limits.
    package static let command = ErrorCodeFamily(
        title: "Command line and environment",
        summary: "Failures that end a command as `error[code]: message` on standard error, with the exit status "
            + "of docs/exit-codes.md (the `wsprobe` executable's `CommandFailure`, the run plan).",
        codes: [
            .usageDuration, .usageSize, .usageCount, .usageRate, .usagePrecision, .usageMaxSteps, .usageModes,
            .usageExpectCutoff, .usageDeflate, .usageHeader, .usageOrigin, .usageSubprotocol, .usageSource,
            .usageTLS, .usageTLSMin, .scenarioInvalid, .rateNoMessages, .rateNoThresholds, .payloadSize,
            .payloadFile, .runStart, .embeddedStart, .embeddedTLS, .outputUnwritable, .outputWrite,
            .limitsOpenFiles,
        ]
    )
}
