import Foundation
import RunResults

extension DeflateProbeResult {
    /// The console report: a verdict line, then each offer with its answer and the echoes' wire bytes.
    package func consoleText() -> String {
        let verdict = self.nothingMeasured != nil ? "ERROR" : (self.passed ? "PASS" : "FAIL")
        var counts = ["\(self.count(.accepted)) accepted", "\(self.count(.declined)) declined"]
        if self.count(.failed) > 0 { counts.append("\(self.count(.failed)) failed") }
        let summary = "\(self.rows.count) offers: \(counts.joined(separator: ", "))"
        var lines = ["wsprobe probe deflate \(self.url): \(verdict), \(summary)"]
        if let note = self.targetNote { lines.append("  (\(note))") }
        if let reason = self.nothingMeasured { lines.append("  nothing measured: \(reason)") }
        if self.insecure { lines.append("  (--insecure: TLS certificate verification is OFF)") }
        for row in self.rows {
            lines.append("")
            lines.append("  \(Self.mark(row.answer)) \(row.offer)")
            switch row.answer {
            case .accepted:
                lines.append("      accepted: \(row.response ?? "permessage-deflate")")
            case .declined:
                lines.append(
                    "      declined: the 101 carries no permessage-deflate (server declined, or a proxy stripped it)"
                )
            case .failed:
                if let failure = row.failure {
                    lines.append("      failed in \(failure.phase) [\(failure.code)]: \(failure.message)")
                }
            }
            if let bytes = row.echoBytes {
                lines.append("      echo: \(Self.wire(bytes))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func mark(_ answer: DeflateProbeRow.Answer) -> String {
        switch answer {
        case .accepted: return "✓"
        case .declined: return "–"
        case .failed: return "✗"
        }
    }

    /// "8192 B of payload as 170 B out (2.1 %) and 150 B in (1.8 %) on the wire".
    static func wire(_ bytes: EchoBytes) -> String {
        func share(_ wire: Int) -> String {
            guard bytes.payload > 0 else { return "" }
            return String(format: " (%.1f %%)", Double(wire) * 100 / Double(bytes.payload))
        }
        return "\(bytes.payload) B of payload as \(bytes.wireSent) B out\(share(bytes.wireSent))"
            + " and \(bytes.wireReceived) B in\(share(bytes.wireReceived)) on the wire"
    }
}
