import Foundation
import RunResults

/// `wsprobe probe deflate`'s text: a verdict line, then each offer with its answer and the echoes' wire bytes.
enum DeflateProbeConsole {
    static func text(_ details: DeflateProbeDetails, verdict: Verdict) -> String {
        let word =
            switch verdict {
            case .error: "ERROR"
            case .passed: "PASS"
            case .failed: "FAIL"
            }
        var counts = ["\(details.count(.accepted)) accepted", "\(details.count(.declined)) declined"]
        if details.count(.failed) > 0 { counts.append("\(details.count(.failed)) failed") }
        let summary = "\(details.rows.count) offers: \(counts.joined(separator: ", "))"
        var lines = ["wsprobe probe deflate \(details.url): \(word), \(summary)"]
        if let note = details.targetNote { lines.append("  (\(note))") }
        if let reason = details.nothingMeasured { lines.append("  nothing measured: \(reason)") }
        if details.insecure { lines.append("  (--insecure: TLS certificate verification is OFF)") }
        for row in details.rows {
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
    static func wire(_ bytes: DeflateProbeRow.EchoBytes) -> String {
        func share(_ wire: Int) -> String {
            guard bytes.payload > 0 else { return "" }
            return String(format: " (%.1f %%)", Double(wire) * 100 / Double(bytes.payload))
        }
        return "\(bytes.payload) B of payload as \(bytes.wireSent) B out\(share(bytes.wireSent))"
            + " and \(bytes.wireReceived) B in\(share(bytes.wireReceived)) on the wire"
    }
}
