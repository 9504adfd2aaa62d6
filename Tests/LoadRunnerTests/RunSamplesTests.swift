import Foundation
import LoadMetrics
import LoadRunner
import NIOCore
import ResultCodes
import RunResults
import Testing
import WSProtocol
import WSTransport

/// Error samples and upgrade details of `wsprobe run`: built on failure paths, capped per code, merged across
/// workers, and carried into the `RunResult`.
@Suite("Run error samples and upgrade details", .serialized, .timeLimit(.minutes(2)))
struct RunSamplesTests {
    static func scenario(connections: Int, expect: String = "") -> String {
        """
        name: samples
        target:
          timeouts:
            connect: 2s
            upgrade: 2s
        load:
          connections: \(connections)
        steps:
          - send: "hello"
          - expect:
              timeout: 2s
              \(expect)
          - close
        """
    }

    @Test("a non-101 answer becomes a sample with its status, header fields and body excerpt")
    func unexpectedStatusSample() {
        var headers = HTTPHeaderFields()
        headers.append(name: "Server", value: "nginx")
        headers.append(name: "Content-Type", value: "text/html")
        let body = Array(("<html>502 Bad Gateway</html>" + String(repeating: "x", count: 2000)).utf8)
        let error = ConnectError.handshake(
            .unexpectedStatus(status: 502, reason: "Bad Gateway", headers: headers, bodyPrefix: body)
        )
        let sample = WorkerSamples.sample(error)
        #expect(sample.status == 502)
        #expect(sample.phase == "upgrade")
        #expect(
            sample.headers == [
                HeaderField(name: "Server", value: "nginx"), .init(name: "Content-Type", value: "text/html"),
            ]
        )
        #expect(sample.bodyExcerpt?.hasPrefix("<html>502 Bad Gateway</html>") == true)
        #expect(sample.bodyExcerpt?.count == ErrorSample.bodyExcerptLimit)
        #expect(sample.message == error.description)
    }

    @Test("a failure without an HTTP answer becomes a sample with its phase and diagnosis only")
    func transportFailureSample() {
        let error = ConnectError.closedDuring(phase: .upgrade)
        let sample = WorkerSamples.sample(error)
        #expect(sample.status == nil)
        #expect(sample.headers == nil)
        #expect(sample.bodyExcerpt == nil)
        #expect(sample.phase == error.phase.rawValue)
    }

    @Test("a code already holding five samples does not build a sixth")
    func fullCodeBuildsNothing() {
        var samples = WorkerSamples()
        var built = 0
        for _ in 0..<8 {
            samples.record(code: "close.1006") {
                built += 1
                return ErrorSample(message: "closed", phase: "close")
            }
        }
        #expect(built == ErrorSamples.limitPerCode)
        #expect(samples.errors[code: "close.1006"].count == ErrorSamples.limitPerCode)
        #expect(!samples.wants(code: "close.1006"))
        #expect(samples.wants(code: "close.1001"))
    }

    @Test("merging workers keeps five samples per code, the first worker's first, and the first upgrade seen")
    func mergeCapsAndOrders() {
        func worker(_ name: String, count: Int, upgrade: String?) -> WorkerSamples {
            var samples = WorkerSamples()
            for index in 0..<count {
                samples.record(code: "tcp.refused") { ErrorSample(message: "\(name) \(index)", phase: "tcp") }
            }
            samples.upgrade = upgrade.map { UpgradeDetails(request: HTTPHead(startLine: $0, headers: [])) }
            return samples
        }
        let merged = WorkerSamples.merged([
            worker("a", count: 3, upgrade: nil), worker("b", count: 5, upgrade: "GET /b HTTP/1.1"),
            worker("c", count: 5, upgrade: "GET /c HTTP/1.1"),
        ])
        #expect(merged.errors[code: "tcp.refused"].map(\.message) == ["a 0", "a 1", "a 2", "b 0", "b 1"])
        #expect(merged.upgrade?.request?.startLine == "GET /b HTTP/1.1")
    }

    @Test("a run against the echo server keeps the upgrade request and 101 response and no error samples")
    func upgradeDetailsInResult() async throws {
        let outcome = try await EngineSupport.runAgainstEcho(Self.scenario(connections: 4))
        #expect(outcome.totals[.upgradesOK] == 4)
        let upgrade = try #require(outcome.upgrade)
        #expect(upgrade.request?.startLine == "GET / HTTP/1.1")
        #expect(upgrade.response?.startLine.hasPrefix("HTTP/1.1 101") == true)
        let requestNames = upgrade.request?.headers.map { $0.name.lowercased() } ?? []
        let responseNames = upgrade.response?.headers.map { $0.name.lowercased() } ?? []
        #expect(requestNames.contains("sec-websocket-key"))
        #expect(responseNames.contains("sec-websocket-accept"))
        #expect(upgrade.tls == nil)
        #expect(outcome.errorSamples.byCode.isEmpty)
        let result = outcome.runResult(commandLine: ["wsprobe", "run"], toolVersion: "test")
        #expect(result.upgrade == upgrade)
    }

    @Test("20 connections whose echo misses the expect keep five expect.mismatch samples and count all 20")
    func mismatchSamples() async throws {
        let outcome = try await EngineSupport.runAgainstEcho(
            Self.scenario(connections: 20, expect: "regex: \"^never$\"")
        )
        #expect(outcome.totals.errors["expect.mismatch"] == 20)
        let samples = outcome.errorSamples[code: "expect.mismatch"]
        #expect(samples.count == ErrorSamples.limitPerCode)
        #expect(samples.allSatisfy { $0.phase == "open" && $0.message.contains("hello") })
        let result = outcome.runResult(commandLine: ["wsprobe", "run"], toolVersion: "test")
        let summary = result.errorSummaries.first { $0.code == "expect.mismatch" }
        #expect(summary?.count == 20)
        #expect(summary?.samples.count == ErrorSamples.limitPerCode)
    }

    @Test("20 refused connections keep five tcp samples and no upgrade details")
    func refusedSamples() async throws {
        let server = try await EngineSupport.startEcho()
        let port = server.port
        try await server.stop().get()
        let outcome = try await EngineSupport.run(Self.scenario(connections: 20), url: "ws://127.0.0.1:\(port)/")
        #expect(outcome.totals[.upgradesFailed] == 20)
        #expect(outcome.upgrade == nil)
        let samples = outcome.errorSamples[code: "tcp.refused"]
        #expect(samples.count == ErrorSamples.limitPerCode)
        #expect(samples.allSatisfy { $0.phase == "tcp" && $0.status == nil })
    }

    @Test("a scenario expecting 503 against a server that upgrades fails its expect.status check with 101 samples")
    func expectedStatusMissed() async throws {
        let yaml = Self.scenario(connections: 3).replacingOccurrences(
            of: "load:",
            with: "expect:\n  status: 503\nload:"
        )
        let outcome = try await EngineSupport.runAgainstEcho(yaml)
        #expect(!outcome.passed)
        #expect(outcome.totals.errors["expect.status"] == 3)
        #expect(outcome.errorSamples[code: "expect.status"].allSatisfy { $0.status == 101 })
        let check = try #require(outcome.statusCheck)
        #expect(!check.passed)
        let result = outcome.runResult(commandLine: ["wsprobe", "run"], toolVersion: "test")
        #expect(result.checks == [check])
        #expect(result.verdict == .failed)
    }
}
