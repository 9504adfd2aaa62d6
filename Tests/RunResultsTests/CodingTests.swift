import Foundation
import LoadMetrics
import RunResults
import Testing

@Suite("RunResult JSON")
struct CodingTests {
    static func populated() -> RunResult {
        var metrics = MetricsSnapshot()
        for value in [40, 41, 97, 1500, 70_000_000] as [UInt64] { metrics.record(.messageRTT, value) }
        metrics.add(3, to: .connectionAttempts)
        metrics.addError(code: "tls.hostname-mismatch", count: 2)
        metrics.addClose(CloseKey(code: 1000, initiator: .client), count: 1)
        metrics.addTargetIdentity("pod-a")
        var series = TimeSeries()
        series.append(metrics, atSecond: 1_767_323_046)
        var samples = ErrorSamples()
        samples.record(ErrorSample(message: "bad name", phase: "tls"), code: "tls.hostname-mismatch")
        var result = Results.result(
            metrics: metrics,
            timeSeries: series,
            checks: [
                CheckOutcome(
                    name: "c",
                    passed: true,
                    message: "ok",
                    observed: "1",
                    expected: "1",
                    phase: "tls",
                    code: nil
                )
            ],
            thresholds: [
                ThresholdOutcome(
                    expression: "p99(message_rtt) < 1s",
                    observed: nil,
                    observedText: "no data",
                    limit: "< 1s",
                    passed: true
                )
            ]
        )
        result.errorSamples = samples
        result.shard = "1/3"
        result.interrupted = true
        result.upgrade = UpgradeDetails(
            request: HTTPHead(startLine: "GET / HTTP/1.1", headers: [HeaderField(name: "Host", value: "h")]),
            subprotocol: "chat",
            extensions: [
                NegotiatedExtension(name: "permessage-deflate", parameters: [.init(name: "server_no_context_takeover")])
            ],
            tls: TLSFacts(
                version: "TLSv1.3",
                cipher: "TLS_AES_256_GCM_SHA384",
                peerChain: [
                    CertificateFacts(
                        subject: "CN=h",
                        issuer: "CN=ca",
                        notAfter: Results.start.addingTimeInterval(86_400 * 3.5),
                        at: Results.start
                    )
                ],
                verificationSkipped: true
            )
        )
        result.checkDetails = CheckDetails(
            phases: [PhaseTiming(phase: "dns", milliseconds: 0.25)],
            echoRoundTripsMilliseconds: [1.5]
        )
        return result
    }

    @Test("A result decodes to an equal value, and re-encodes to identical bytes")
    func roundTrip() throws {
        let original = Self.populated()
        let data = try original.jsonData()
        let decoded = try RunResult.decode(data, source: "mem")
        #expect(decoded == original)
        #expect(try decoded.jsonData() == data)
        #expect(decoded.metrics.overflowCount(.messageRTT) == 1)
        #expect(decoded.upgrade?.tls?.peerChain.first?.daysLeft == 3)
    }

    @Test("Keys are sorted and dates are ISO 8601 in UTC")
    func layout() throws {
        let text = String(decoding: try Self.populated().jsonData(), as: UTF8.self)
        #expect(text.contains("\"startedAt\" : \"2026-01-02T03:04:05Z\""))
        let checks = try #require(text.range(of: "\"checks\""))
        let tool = try #require(text.range(of: "\"tool\""))
        #expect(checks.lowerBound < tool.lowerBound)
        #expect(text.hasSuffix("}\n"))
    }

    @Test(
        "Unusable input fails with a stable code that names the file",
        arguments: [
            ("not json", "result.invalid-json"),
            ("{\"schemaVersion\": 3}", "result.schema-version"),
            ("{\"tool\": 1}", "result.invalid"),
            ("{\"schemaVersion\": 1, \"tool\": {\"name\": \"wsprobe\"}}", "result.invalid"),
        ]
    )
    func invalid(_ pair: (String, String)) {
        #expect {
            _ = try RunResult.decode(Data(pair.0.utf8), source: "/tmp/x.json")
        } throws: { error in
            guard let error = error as? ResultFileError else { return false }
            return error.code == pair.1 && error.description.hasPrefix("/tmp/x.json: error[\(pair.1)]")
        }
    }

    @Test("A missing file is result.unreadable")
    func unreadable() {
        #expect(throws: ResultFileError.self) {
            _ = try RunResult.load(contentsOf: URL(fileURLWithPath: "/nonexistent/report.json"))
        }
        do {
            _ = try RunResult.load(contentsOf: URL(fileURLWithPath: "/nonexistent/report.json"))
        } catch {
            #expect(error.code == "result.unreadable")
        }
    }

    @Test("A histogram whose buckets disagree with its count is rejected, not trusted")
    func inconsistentHistogram() throws {
        var text = String(decoding: try Self.populated().jsonData(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"totalCount\" : 4", with: "\"totalCount\" : 5")
        #expect {
            _ = try RunResult.decode(Data(text.utf8), source: "x")
        } throws: { ($0 as? ResultFileError)?.code == "result.invalid" }
    }

    @Test("Error samples keep the first five per code, also across merges")
    func samplesLimit() {
        var samples = ErrorSamples()
        for index in 0..<7 { samples.record(ErrorSample(message: "\(index)", phase: "tcp"), code: "a") }
        #expect(samples[code: "a"].map(\.message) == ["0", "1", "2", "3", "4"])
        var other = ErrorSamples()
        other.record(ErrorSample(message: "b0", phase: "tcp"), code: "b")
        other.record(ErrorSample(message: "a9", phase: "tcp"), code: "a")
        samples.merge(other)
        #expect(samples[code: "a"].count == 5)
        #expect(samples[code: "b"].map(\.message) == ["b0"])
    }

    @Test("The verdict is derived from checks and thresholds unless given")
    func verdict() {
        #expect(Results.result().verdict == .passed)
        #expect(Results.result(checks: [CheckOutcome(name: "a", passed: false, message: "")]).verdict == .failed)
        #expect(
            Results.result(thresholds: [
                ThresholdOutcome(expression: "x", observed: 1, observedText: "1", limit: "< 0", passed: false)
            ])
            .verdict == .failed
        )
    }
}
