import Foundation
import RunResults
import Testing

/// A probe's result: its kind from its findings, its checks derived from them, the verdict by the rule every
/// result follows, and a lossless round trip through report.json.
@Suite("Probe results")
struct ProbeResultTests {
    static func result(_ details: ProbeDetails) -> RunResult {
        RunResult(
            probe: details,
            commandLine: ["wsprobe", "probe"],
            toolVersion: "test",
            startedAt: Date(timeIntervalSince1970: 1_767_323_045),
            endedAt: Date(timeIntervalSince1970: 1_767_323_050)
        )
    }

    static func idle(expectation: IdleProbeExpectation?, cutoff: Double?) -> IdleProbeDetails {
        IdleProbeDetails(
            url: "ws://127.0.0.1:1/",
            maximumSeconds: 10,
            resolutionSeconds: 1,
            parallel: 2,
            silentClosed: cutoff == nil ? 0 : 2,
            cutoffSeconds: cutoff,
            expectation: expectation,
            expectationMet: expectation.map { $0.isMet(by: cutoff) }
        )
    }

    static func row(_ offer: String, _ answer: DeflateProbeRow.Answer, failedIn phase: String? = nil) -> DeflateProbeRow
    {
        DeflateProbeRow(
            offer: offer,
            answer: answer,
            failure: phase.map { DeflateProbeRow.Failure(phase: $0, code: "\($0).failed", message: "It failed.") }
        )
    }

    static func rate(highest: Int?, steps: [RateSearchStep], interrupted: Bool = false) -> RateSearchDetails {
        RateSearchDetails(
            scenario: "s",
            target: "ws://127.0.0.1:1/",
            stepSeconds: 1,
            fromRate: 5,
            toRate: 10,
            steps: steps,
            highestPassingRate: highest,
            conclusion: "done",
            interrupted: interrupted
        )
    }

    @Test("probe idle: no expectation, no check and passed; an expectation is the check that decides")
    func idleVerdict() throws {
        let plain = Self.result(ProbeDetails(idle: Self.idle(expectation: nil, cutoff: 3)))
        #expect(plain.kind == .probeIdle)
        #expect(plain.checks.isEmpty)
        #expect(plain.verdict == .passed)
        let met = Self.result(
            ProbeDetails(
                idle: Self.idle(expectation: IdleProbeExpectation(seconds: 3, toleranceSeconds: 1), cutoff: 3.2)
            )
        )
        #expect(met.checks.map(\.name) == ["idle.expectation"])
        #expect(met.verdict == .passed)
        let missed = Self.result(
            ProbeDetails(
                idle: Self.idle(expectation: IdleProbeExpectation(seconds: 50, toleranceSeconds: 5), cutoff: nil)
            )
        )
        let check = try #require(missed.checks.first)
        #expect(!check.passed)
        #expect(check.observed == "no cutoff up to 10 s")
        #expect(check.expected == "50 s ± 5 s")
        #expect(check.code == "idle.expectation")
        #expect(missed.verdict == .failed)
    }

    @Test("probe deflate: one check per offer; a failed offer fails it, no answer at all is an error")
    func deflateVerdict() throws {
        let passed = Self.result(
            ProbeDetails(
                deflate: DeflateProbeDetails(
                    url: "u",
                    insecure: false,
                    targetNote: nil,
                    rows: [
                        Self.row("permessage-deflate", .accepted), Self.row("permessage-deflate; x", .declined),
                    ]
                )
            )
        )
        #expect(passed.kind == .probeDeflate)
        #expect(passed.checks.map(\.name) == ["deflate: permessage-deflate", "deflate: permessage-deflate; x"])
        #expect(passed.verdict == .passed)
        let failed = Self.result(
            ProbeDetails(
                deflate: DeflateProbeDetails(
                    url: "u",
                    insecure: false,
                    targetNote: nil,
                    rows: [
                        Self.row("a", .accepted), Self.row("b", .failed, failedIn: "upgrade"),
                    ]
                )
            )
        )
        #expect(failed.verdict == .failed)
        #expect(failed.checks.map(\.passed) == [true, false])
        #expect(failed.checks.last?.code == "upgrade.failed")
        #expect(failed.errorReason == nil)
        let unanswered = Self.result(
            ProbeDetails(
                deflate: DeflateProbeDetails(
                    url: "u",
                    insecure: false,
                    targetNote: nil,
                    rows: [
                        Self.row("a", .failed, failedIn: "tcp"), Self.row("b", .failed, failedIn: "tcp"),
                    ]
                )
            )
        )
        #expect(unanswered.verdict == .error)
        #expect(unanswered.errorReason?.hasPrefix("no offer was answered (2 connections failed") == true)
    }

    @Test("probe rate: the highest passing rate is the check; none is a failure, every step unmeasured an error")
    func rateVerdict() throws {
        let passed = Self.result(
            ProbeDetails(rate: Self.rate(highest: 10, steps: [RateSearchStep(rate: 5, passed: true)]))
        )
        #expect(passed.kind == .probeRate)
        #expect(passed.scenarioName == "s")
        #expect(passed.checks.map(\.name) == ["rate.highest-passing"])
        #expect(passed.checks.first?.observed == "10/s")
        #expect(passed.verdict == .passed)
        let none = Self.result(
            ProbeDetails(rate: Self.rate(highest: nil, steps: [RateSearchStep(rate: 5, passed: false)]))
        )
        #expect(none.verdict == .failed)
        #expect(none.checks.first?.code == "rate.none-passed")
        let nothing = Self.result(
            ProbeDetails(
                rate: Self.rate(
                    highest: nil,
                    steps: [RateSearchStep(rate: 5, passed: false, nothingMeasured: "no message came back")]
                )
            )
        )
        #expect(nothing.verdict == .error)
        #expect(nothing.errorReason == "no message came back")
        let interrupted = Self.result(ProbeDetails(rate: Self.rate(highest: nil, steps: [], interrupted: true)))
        #expect(interrupted.interrupted)
    }

    @Test("each probe's result survives report.json unchanged, under `probe` with its kind")
    func roundTrip() throws {
        let details = [
            ProbeDetails(
                idle: Self.idle(expectation: IdleProbeExpectation(seconds: 3, toleranceSeconds: 1), cutoff: 3)
            ),
            ProbeDetails(
                deflate: DeflateProbeDetails(
                    url: "u",
                    insecure: true,
                    targetNote: "n",
                    rows: [
                        Self.row("a", .failed, failedIn: "upgrade")
                    ]
                )
            ),
            ProbeDetails(rate: Self.rate(highest: 5, steps: [RateSearchStep(rate: 5, passed: true, warmUpSeconds: 1)])),
        ]
        for detail in details {
            let result = Self.result(detail)
            let data = try result.jsonData()
            #expect(try RunResult.decode(data, source: "test") == result)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["kind"] as? String == result.kind.rawValue)
            #expect((object["probe"] as? [String: Any])?.count == 1)
        }
        let run = try #require(
            try JSONSerialization.jsonObject(with: try Results.result().jsonData()) as? [String: Any]
        )
        #expect(run["probe"] == nil)
    }

    @Test("the probe object holds exactly one probe's findings; none or two are refused")
    func exactlyOneProbe() throws {
        let details = Self.idle(expectation: nil, cutoff: 3)
        let idle = String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
        let rate = String(decoding: try JSONEncoder().encode(Self.rate(highest: 5, steps: [])), as: UTF8.self)
        let decoder = JSONDecoder()
        #expect(try decoder.decode(ProbeDetails.self, from: Data("{\"idle\": \(idle)}".utf8)) == .idle(details))
        #expect(throws: DecodingError.self) { try decoder.decode(ProbeDetails.self, from: Data("{}".utf8)) }
        #expect(throws: DecodingError.self) {
            try decoder.decode(ProbeDetails.self, from: Data("{\"idle\": \(idle), \"rate\": \(rate)}".utf8))
        }
    }
}
