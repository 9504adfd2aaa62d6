extension CheckResult {
    /// The console report: verdict, one line per phase, addresses, TLS, the exchange and the diagnosis.
    package func consoleText(verbose: Bool = true) -> String {
        var lines: [String] = []
        let verdict = self.passed ? "PASS" : "FAIL"
        var title = "wsprobe check \(self.url): \(verdict)"
        if let failure = self.failure {
            title += " in \(failure.phase) [\(failure.code)]"
        }
        if self.insecure {
            title += "  (certificate verification OFF: --insecure)"
        }
        lines.append(title)
        lines.append("")
        let nameWidth = max(8, self.phases.map(\.name.count).max() ?? 0)
        for phase in self.phases {
            let mark = phase.passed ? " " : "✗"
            let time = phase.milliseconds.map(CheckFormat.milliseconds) ?? "-"
            lines.append(
                "  \(mark) \(Self.padRight(phase.name, nameWidth))"
                    + "  \(String(repeating: " ", count: max(0, 10 - time.count)))\(time)  \(phase.detail)"
            )
        }
        if let total = self.totalMilliseconds {
            lines.append(
                "    \(Self.padRight("total", nameWidth))  "
                    + "\(String(repeating: " ", count: max(0, 10 - CheckFormat.milliseconds(total).count)))"
                    + "\(CheckFormat.milliseconds(total))"
            )
        }
        if let unsolicited = self.unsolicitedText, !self.phases.contains(where: { $0.name == "echo" }) {
            lines.append("    \(unsolicited)")
        }
        if let failure = self.failure {
            lines.append("")
            lines.append("  diagnosis: \(failure.message)")
        }
        if verbose {
            lines.append(contentsOf: self.detailLines())
        }
        return lines.joined(separator: "\n")
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func detailLines() -> [String] {
        var lines: [String] = []
        if let tls = self.tls {
            lines.append("")
            lines.append(
                "  TLS: \(tls.version), \(tls.cipher), ALPN \(tls.alpn ?? "none"), SNI \(tls.serverName ?? "none")"
            )
            for (index, certificate) in tls.chain.enumerated() {
                lines.append("    [\(index)] \(certificate.subject)")
                lines.append(
                    "        issuer \(certificate.issuer), not after \(certificate.notAfter) (\(certificate.daysLeft) day\(certificate.daysLeft == 1 ? "" : "s") left)"
                )
            }
            if tls.verificationSkipped {
                lines.append("    verification skipped (--insecure); it would have said: \(tls.verifyResult)")
            }
        }
        if !self.requestHead.isEmpty {
            lines.append("")
            lines.append("  request:")
            lines.append(contentsOf: self.requestHead.map { "    > \($0)" })
        }
        if !self.responseHead.isEmpty {
            lines.append("  response:")
            lines.append(contentsOf: self.responseHead.map { "    < \($0)" })
        }
        if self.subprotocol != nil || self.extensions != nil {
            lines.append("")
            lines.append(
                "  negotiated: subprotocol \(self.subprotocol ?? "none"); extensions \(self.extensions ?? "none")"
            )
        }
        return lines
    }
}
