package import NIOCore
package import RunResults
import WSDeflate
import WSProtocol
import WSTransport

/// Runs a `DeflateProbePlan`: the offers one after another, each on its own connection through `CheckRun`.
package enum DeflateProbeRun {
    /// Runs every offer of `plan` on `group`; never throws (a failure is a row).
    package static func run(_ plan: DeflateProbePlan, on group: any EventLoopGroup) async -> DeflateProbeDetails {
        var rows: [DeflateProbeRow] = []
        for offer in plan.offers {
            var check = CheckPlan(connect: plan.connect)
            check.connect.deflate = offer
            check.echoCount = plan.echoCount
            check.payloadSize = plan.payloadSize
            check.replyTimeout = plan.replyTimeout
            check.insecure = plan.insecure
            let result = await CheckRun.run(check, on: group)
            rows.append(Self.row(offer: offer.headerValue, result: result))
        }
        return DeflateProbeDetails(
            url: plan.connect.url.text,
            insecure: plan.insecure,
            targetNote: plan.targetNote,
            rows: rows
        )
    }

    /// The row of one check: failed when the check failed, else accepted or declined by the 101's extensions.
    static func row(offer: String, result: CheckRecorder) -> DeflateProbeRow {
        let upgrade = result.phases.first { $0.name == "upgrade" }?.milliseconds
        var row = DeflateProbeRow(offer: offer, answer: .failed, upgradeMilliseconds: upgrade)
        row.echoBytes = result.echoBytes
        if let failure = result.failure {
            row.failure = failure
            row.response = result.extensions
            return row
        }
        if let extensions = result.extensions, extensions.lowercased().hasPrefix("permessage-deflate") {
            row.answer = .accepted
            row.response = extensions
        } else {
            row.answer = .declined
        }
        return row
    }
}
