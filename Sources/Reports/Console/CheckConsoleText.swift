import Foundation
package import RunResults

/// The console report of `wsprobe check` (and of `wsprobe report` for a check's result), a view of the
/// result's ``RunResult/checkDetails`` and ``RunResult/upgrade``: the verdict, one line per phase, the
/// diagnosis and, unless brief, the TLS session, the request and response heads and what was negotiated.
package enum CheckConsoleText {
    /// The report, lines joined by newlines (no trailing one); `verbose: false` is `--brief`.
    package static func render(_ result: RunResult, verbose: Bool = true) -> String {
        let details = result.checkDetails ?? CheckDetails()
        var lines: [String] = []
        var title =
            "wsprobe check \(details.url ?? result.scenarioName): \(result.verdict == .passed ? "PASS" : "FAIL")"
        if let failure = details.failure { title += " in \(failure.phase) [\(failure.code)]" }
        if details.insecure == true { title += "  (certificate verification OFF: --insecure)" }
        lines.append(title)
        lines.append("")
        let nameWidth = max(8, details.phases.map(\.phase.count).max() ?? 0)
        for phase in details.phases {
            let mark = phase.passed ? " " : "✗"
            let time = phase.milliseconds.map(PhaseTiming.text(milliseconds:)) ?? "-"
            lines.append(
                "  \(mark) \(Self.padRight(phase.phase, nameWidth))  \(Self.padLeft(time, 10))  \(phase.detail ?? "")"
            )
        }
        if let total = details.totalMilliseconds {
            let time = PhaseTiming.text(milliseconds: total)
            lines.append("    \(Self.padRight("total", nameWidth))  \(Self.padLeft(time, 10))")
        }
        if let unsolicited = details.unsolicitedText, !details.phases.contains(where: { $0.phase == "echo" }) {
            lines.append("    \(unsolicited)")
        }
        if let failure = details.failure {
            lines.append("")
            lines.append("  diagnosis: \(failure.message)")
        }
        if verbose { lines.append(contentsOf: Self.detailLines(result.upgrade)) }
        return lines.joined(separator: "\n")
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func detailLines(_ upgrade: UpgradeDetails?) -> [String] {
        guard let upgrade else { return [] }
        var lines: [String] = []
        if let tls = upgrade.tls {
            lines.append("")
            lines.append(
                "  TLS: \(tls.version), \(tls.cipher), ALPN \(tls.alpn ?? "none"), SNI \(tls.serverName ?? "none")"
            )
            for (index, certificate) in tls.peerChain.enumerated() {
                let days = "\(certificate.daysLeft) day\(certificate.daysLeft == 1 ? "" : "s") left"
                lines.append("    [\(index)] \(certificate.subject)")
                lines.append(
                    "        issuer \(certificate.issuer), not after \(Self.date(certificate.notAfter)) (\(days))"
                )
            }
            if tls.verificationSkipped {
                lines.append(
                    "    verification skipped (--insecure); it would have said: \(tls.verifyResult ?? "unknown")"
                )
            }
        }
        if let request = upgrade.request {
            lines.append("")
            lines.append("  request:")
            lines.append(contentsOf: Self.headLines(request).map { "    > \($0)" })
        }
        if let response = upgrade.response {
            lines.append("  response:")
            lines.append(contentsOf: Self.headLines(response).map { "    < \($0)" })
        }
        if upgrade.subprotocol != nil || !upgrade.extensions.isEmpty {
            let extensions =
                upgrade.extensions.isEmpty ? "none" : upgrade.extensions.map(\.headerText).joined(separator: ", ")
            lines.append("")
            lines.append("  negotiated: subprotocol \(upgrade.subprotocol ?? "none"); extensions \(extensions)")
        }
        return lines
    }

    private static func headLines(_ head: HTTPHead) -> [String] {
        [head.startLine] + head.headers.map { "\($0.name): \($0.value)" }
    }

    /// ISO 8601 UTC, as the certificate said; `unknown` when it could not be read.
    private static func date(_ date: Date) -> String {
        date == .distantPast ? "unknown" : HTMLReportModel.iso(date)
    }
}
