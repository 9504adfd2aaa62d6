import ResultCodes
import WSProtocol

/// docs/codes.md, rendered from the types: `Phase`, `ErrorCode.families`, `CloseCode.name` and the exit
/// statuses of the codes that end a command.
enum CodeCatalogue {
    static let regenerate = "WSPROBE_UPDATE_DOCS=1 swift test --skip-build --filter CodeCatalogueTests"

    static func markdown() -> String {
        var lines = [
            "<!-- Generated from Sources/ResultCodes and CloseCode.name by Tests/wsprobeTests/CodeCatalogueTests.swift;"
                + " do not edit: change the types, then run `\(regenerate)`. -->",
            "# Codes",
            "",
            "Every code wsprobe shows: in `error[code]` messages, `metrics.errors` and `errorsByTarget` keys, error "
                + "samples, check outcomes, JUnit failure types and the console. The codes are stable: scripts "
                + "and thresholds (`count(errors{code=\"tcp.refused\"})`) may match on them. Scenario diagnostics "
                + "(`scenario.*`) are listed in [scenarios.md](scenarios.md) and the rule ids of ALB lint findings "
                + "in [alb-lint.md](alb-lint.md).",
            "",
            "## Phases",
            "",
            "The phase an error sample, a check outcome or a code belongs to.",
            "",
            "| Phase | What it covers |",
            "|---|---|",
        ]
        lines += Phase.allCases.map { "| `\($0.rawValue)` | \($0.meaning) |" }
        lines += ["", "## Error codes", ""]
        for family in ErrorCode.families {
            lines += ["### \(family.title)", "", family.summary, "", "| Code | Phase | Meaning |", "|---|---|---|"]
            lines += family.codes.map {
                "| `\($0.rawValue)` | \($0.phase.map { "`\($0.rawValue)`" } ?? "—") | \($0.meaning) |"
            }
            lines.append("")
        }
        lines += [
            "## Close codes",
            "",
            "The names wsprobe gives close codes (RFC 6455 §7.4.1 and the IANA registry), in `check`, the idle "
                + "probe, the reports and `close.<code>` errors.",
            "",
            "| Code | Name |",
            "|---|---|",
        ]
        lines += (UInt16(1000)...1015).compactMap { number in
            CloseCode(rawValue: number).name.map { "| \(number) | \($0) |" }
        }
        lines += [3000, 4000].compactMap { (start: UInt16) in
            CloseCode(rawValue: start).name.map { "| \(start)-\(start + 999) | \($0) |" }
        }
        lines += [
            "",
            "## Command failures",
            "",
            "The codes that end a command as `error[code]: message` on standard error, and the exit status they end "
                + "it with ([exit-codes.md](exit-codes.md)). A command also ends with the code of a lower layer it "
                + "could not get past (e.g. `tls.config`, exit 3).",
            "",
            "| Code | Exit status | Meaning |",
            "|---|---:|---|",
        ]
        lines += ErrorCode.catalogue.compactMap { code in
            code.exitStatus.map { "| `\(code.rawValue)` | \($0) | \(code.meaning) |" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
