import LoadRunner
import NIOCore
import NIOPosix
import Probes
import RunResults
import TLSOpenSSL
import TestSupport
import Testing
import WSDeflate
import WSProtocol
import WSTransport

/// `wsprobe probe deflate` against independent peers: Python `websockets` with and without permessage-deflate,
/// and the hostile server's invalid extension answer.
@Suite("Deflate probe against independent peers")
struct DeflateProbeTests {
    static func probe(_ url: String, payloadSize: Int = 4096) async throws -> DeflateProbeDetails {
        var plan = DeflateProbePlan(connect: ConnectOptions(url: try WebSocketURL(url)))
        plan.connect.timeouts = PhaseTimeouts(all: .seconds(5))
        plan.payloadSize = payloadSize
        return await DeflateProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
    }

    @Test("Python websockets with deflate accepts every standard offer, honours each parameter, and compresses")
    func acceptedByPython() async throws {
        let server = try await ClientPeers.deflate.value
        let result = try await Self.probe(server.url)
        #expect(result.rows.map(\.offer) == DeflateProbePlan.standardOffers.map(\.headerValue))
        #expect(result.passed)
        for row in result.rows {
            #expect(row.answer == .accepted, "\(row.offer): \(row.failure?.message ?? "")")
            let bytes = try #require(row.echoBytes, "\(row.offer)")
            #expect(bytes.payload == 2 * 4096)
            // Compressible text: both directions far below the payload on the wire.
            #expect(bytes.wireSent < bytes.payload / 4, "\(row.offer)")
            #expect(bytes.wireReceived < bytes.payload / 4, "\(row.offer)")
        }
        let serverReset = try #require(
            result.rows.first { $0.offer == "permessage-deflate; server_no_context_takeover" }
        )
        #expect(serverReset.response?.contains("server_no_context_takeover") == true)
        let window = try #require(result.rows.first { $0.offer == "permessage-deflate; server_max_window_bits=10" })
        #expect(window.response?.contains("server_max_window_bits=10") == true)
        // Without context takeover the second echo cannot refer to the first: more bytes on the wire.
        let bare = try #require(result.rows.first?.echoBytes)
        #expect(try #require(serverReset.echoBytes).wireReceived > bare.wireReceived)
        #expect(result.consoleText().contains(": PASS, 7 offers: 7 accepted, 0 declined\n"))
    }

    @Test("a server without permessage-deflate declines every offer, which is a valid answer")
    func declinedByPlainPython() async throws {
        let server = try await ClientPeers.plain.value
        let result = try await Self.probe(server.url, payloadSize: 512)
        #expect(result.passed)
        #expect(result.count(.declined) == DeflateProbePlan.standardOffers.count)
        for row in result.rows {
            #expect(row.response == nil)
            let bytes = try #require(row.echoBytes)
            #expect(bytes.wireSent > bytes.payload)  // uncompressed frames: payload plus headers and masks
        }
    }

    @Test("an invalid extension answer fails every offer with its deflate code, and the probe fails")
    func invalidAnswerFails() async throws {
        let server = try await ClientPeers.hostile.value
        let result = try await Self.probe(server.url(.deflateBadParameters))
        #expect(!result.passed)
        #expect(result.count(.failed) == result.rows.count)
        for row in result.rows {
            let failure = try #require(row.failure)
            #expect(failure.phase == "upgrade")
            #expect(failure.code.hasPrefix("deflate."), "\(failure.code)")
            #expect(row.echoBytes == nil)
        }
        let text = result.consoleText()
        #expect(text.contains("FAIL, 7 offers: 0 accepted, 0 declined, 7 failed"))
        #expect(try ProbeResultText.json(ProbeDetails(deflate: result)).contains("\"verdict\" : \"failed\""))
    }

    @Test(
        "through HAProxy and nginx (TLS) every offer reaches a deflate backend and its answer comes back intact",
        arguments: ALBStandInKind.allCases
    )
    func throughProxies(kind: ALBStandInKind) async throws {
        let bed = try await ALBTestBed.start(kind, backendDeflate: true)
        defer { bed.stop() }
        var plan = DeflateProbePlan(
            connect: ConnectOptions(url: try WebSocketURL(try #require(bed.proxy.url("/b/chat", tls: true))))
        )
        plan.connect.timeouts = PhaseTimeouts(all: .seconds(5))
        plan.connect.tls = try TLSContext(configuration: .client(caFile: try CertificateFactory.shared().caCertificate))
        plan.connect.serverName = "localhost"
        plan.payloadSize = 2048
        let result = await DeflateProbeRun.run(plan, on: MultiThreadedEventLoopGroup.singleton)
        #expect(result.passed, "\(kind): \(result.consoleText())")
        #expect(result.count(.accepted) == DeflateProbePlan.standardOffers.count, "\(kind): \(result.consoleText())")
        let window = try #require(result.rows.first { $0.offer == "permessage-deflate; server_max_window_bits=10" })
        #expect(window.response?.contains("server_max_window_bits=10") == true)
        for row in result.rows {
            let bytes = try #require(row.echoBytes)
            #expect(bytes.wireReceived < bytes.payload / 4, "\(kind) \(row.offer)")
        }
    }
}
