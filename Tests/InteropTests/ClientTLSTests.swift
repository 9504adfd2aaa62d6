import NIOCore
import ResultCodes
import TLSOpenSSL
import TestSupport
import Testing
import WSDeflate
import WSProtocol
import WSTransport

/// Our client's TLS (OpenSSL) against the Python `websockets` server serving the test certificates.
@Suite("Client TLS against Python websockets")
struct ClientTLSTests {
    @Test("wss to localhost opens with SNI, ALPN http/1.1, the chain and its days left")
    func success() async throws {
        let server = try await ClientPeers.tls.value
        let context = try ClientTestClient.tlsContext()
        let connection = try await ClientTestClient.connect(server.url) { $0.tls = context }

        let tls = try #require(connection.info.tls)
        #expect(["TLSv1.2", "TLSv1.3"].contains(tls.protocolVersion))
        #expect(!tls.cipher.isEmpty)
        #expect(tls.alpn == "http/1.1")
        #expect(tls.serverName == "localhost")
        #expect(!tls.verificationSkipped)
        #expect(tls.verifyResult == "ok")
        let leaf = try #require(tls.peerCertificates.first)
        #expect(leaf.subjectAlternativeNames.contains("DNS:localhost"))
        #expect(leaf.daysLeft > 0)
        #expect(leaf.issuer != leaf.subject)

        let timings = connection.info.timings
        let tcpDone = try #require(timings.tcpDone)
        let tlsDone = try #require(timings.tlsDone)
        let upgradeDone = try #require(timings.upgradeDone)
        #expect(tcpDone <= tlsDone)
        #expect(tlsDone <= upgradeDone)
        #expect(timings.dnsDone != nil)
        #expect(try await connection.echo(.text("over TLS")) == .text("over TLS"))
        try await connection.close()
        let outcome = try await connection.closeOutcome()
        #expect(outcome.code == .normalClosure)
        #expect(outcome.wasClean)
        #expect(!outcome.closeTimedOut)
    }

    @Test("a certificate from an untrusted CA fails with tls.untrusted in the TLS phase")
    func untrusted() async throws {
        let server = try await ClientPeers.untrusted.value
        let context = try ClientTestClient.tlsContext()
        let failure = try await ClientTestClient.failure(server.url) { $0.tls = context }
        #expect(failure.error.code == "tls.untrusted")
        #expect(failure.error.phase == .tls)
        #expect(failure.description.contains("not trusted"))
        #expect(failure.timings.tcpDone != nil)
        #expect(failure.timings.tlsDone == nil)
        #expect(failure.request == nil)
    }

    @Test("a certificate for another host fails with tls.hostname-mismatch naming both names")
    func wrongHost() async throws {
        let server = try await ClientPeers.wrongHost.value
        let context = try ClientTestClient.tlsContext()
        let failure = try await ClientTestClient.failure(server.url) { $0.tls = context }
        #expect(failure.error.code == "tls.hostname-mismatch")
        #expect(failure.description.contains("'localhost'"))
        #expect(failure.description.contains("wrong.example.com"))
    }

    @Test("an expired certificate fails with tls.expired naming the end date")
    func expired() async throws {
        let server = try await ClientPeers.expired.value
        let context = try ClientTestClient.tlsContext()
        let failure = try await ClientTestClient.failure(server.url) { $0.tls = context }
        #expect(failure.error.code == "tls.expired")
        #expect(failure.description.contains("expired on 2021"))
    }

    @Test("insecure mode accepts an untrusted certificate and says verification was skipped")
    func insecure() async throws {
        let server = try await ClientPeers.untrusted.value
        let context = try ClientTestClient.tlsContext(verifyPeer: false)
        let connection = try await ClientTestClient.connect(server.url) { $0.tls = context }
        defer { Task { await connection.abort() } }

        let tls = try #require(connection.info.tls)
        #expect(tls.verificationSkipped)
        #expect(tls.verifyResult != "ok")
        #expect(try await connection.echo(.text("insecure")) == .text("insecure"))
    }

    /// In TLS 1.3 the client's handshake completes before the server judges the (missing) client certificate
    /// (RFC 8446 §4.4.2.4). OpenSSL servers send a `certificate required` alert, which TLSOpenSSL reports as
    /// `tls.handshake`; Python's asyncio server closes the TCP connection without flushing that alert, so the
    /// client sees its upgrade request go unanswered after a completed handshake.
    @Test("mutual TLS without a client certificate: the server ends the connection before answering")
    func mutualTLSWithoutCertificate() async throws {
        let server = try await ClientPeers.mutualTLS.value
        let context = try ClientTestClient.tlsContext()
        let failure = try await ClientTestClient.failure(server.url) { $0.tls = context }
        switch failure.error.code {
        case "tls.handshake":
            #expect(failure.description.contains("client certificate"))
        case "handshake.closed-before-response":
            #expect(failure.tls?.protocolVersion == "TLSv1.3")
            #expect(failure.description.contains("without answering the upgrade request"))
            #expect(failure.request != nil)
        default:
            Issue.record("unexpected \(failure.error.code): \(failure)")
        }
    }

    @Test("mutual TLS with the test client certificate opens and echoes")
    func mutualTLSWithCertificate() async throws {
        let server = try await ClientPeers.mutualTLS.value
        let context = try ClientTestClient.tlsContext(clientCertificate: true)
        let connection = try await ClientTestClient.connect(server.url) { $0.tls = context }
        defer { Task { await connection.abort() } }
        #expect(try await connection.echo(.text("mutual")) == .text("mutual"))
    }

    @Test("wss:// to a plain ws port fails in the TLS phase with a TLS error")
    func wssToPlainPort() async throws {
        let server = try await ClientPeers.plain.value
        let context = try ClientTestClient.tlsContext()
        let failure = try await ClientTestClient.failure("wss://localhost:\(server.port)/") {
            $0.tls = context
            $0.timeouts.tls = .seconds(2)
        }
        #expect(["tls.handshake", "timeout.tls"].contains(failure.error.code))
        #expect(failure.error.phase == .tls)
        #expect(failure.description.contains("TLS"))
    }

    @Test("ws:// to a TLS port fails before a response, with the hint to use wss://")
    func wsToTLSPort() async throws {
        let server = try await ClientPeers.tls.value
        let failure = try await ClientTestClient.failure("ws://127.0.0.1:\(server.port)/") {
            $0.timeouts.upgrade = .seconds(3)
        }
        // Python's ssl module drops a plain-text request without a TLS alert: no bytes come back, so the
        // diagnosis can only suspect the mismatch. A server that answers with a TLS record gets "use wss://".
        #expect(failure.error.code == "handshake.closed-before-response")
        #expect(failure.description.contains("TLS/plain-text mismatch"))
        #expect(failure.request != nil)
    }

    @Test("wss to an IP literal verifies the certificate's IP address and sends no SNI")
    func ipLiteral() async throws {
        let server = try await ClientPeers.tls.value
        let context = try ClientTestClient.tlsContext()
        let connection = try await ClientTestClient.connect("wss://127.0.0.1:\(server.port)/") { $0.tls = context }
        defer { Task { await connection.abort() } }

        let tls = try #require(connection.info.tls)
        #expect(tls.serverName == nil)
        #expect(tls.verifyResult == "ok")
        #expect(connection.info.timings.dnsDone == nil)
    }

    @Test("the serverName option sets SNI and the verified name while dialling the URL's address")
    func serverNameOption() async throws {
        let server = try await ClientPeers.tls.value
        let context = try ClientTestClient.tlsContext()
        let connection = try await ClientTestClient.connect("wss://127.0.0.1:\(server.port)/") {
            $0.tls = context
            $0.serverName = "localhost"
        }
        defer { Task { await connection.abort() } }
        #expect(connection.info.tls?.serverName == "localhost")

        let failure = try await ClientTestClient.failure("wss://127.0.0.1:\(server.port)/") {
            $0.tls = context
            $0.serverName = "other.example"
        }
        #expect(failure.error.code == "tls.hostname-mismatch")
        #expect(failure.description.contains("'other.example'"))
    }

    @Test("a server that accepts TCP but never speaks TLS fails with timeout.tls")
    func tlsTimeout() async throws {
        let hostile = try await ClientPeers.hostile.value
        let context = try ClientTestClient.tlsContext()
        let failure = try await ClientTestClient.failure("wss://localhost:\(hostile.port)/silent") {
            $0.tls = context
            $0.timeouts.tls = .milliseconds(600)
        }
        #expect(failure.error.code == "timeout.tls")
        #expect(failure.error.phase == .tls)
        #expect(failure.description.contains("600 ms"))
        #expect(failure.description.contains("did not finish TLS"))
        #expect(failure.timings.tcpDone != nil)
        #expect(failure.timings.tlsDone == nil)
    }

    @Test("a 1 MiB message and compressed messages round-trip over TLS")
    func largeAndCompressedOverTLS() async throws {
        let server = try await ClientPeers.tlsDeflate.value
        let context = try ClientTestClient.tlsContext()
        let connection = try await ClientTestClient.connect(server.url) {
            $0.tls = context
            $0.deflate = .standard
        }
        defer { Task { await connection.abort() } }

        #expect(connection.info.deflate != nil)
        var big = ByteBuffer()
        big.writeBytes((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) })
        let echo = try await connection.echo(.binary(big), timeout: .seconds(20))
        #expect(echo.payload == big)
        let text = String(repeating: "compressed inside TLS records. ", count: 4000)
        #expect(try await connection.echo(.text(text)) == .text(text))
    }
}
