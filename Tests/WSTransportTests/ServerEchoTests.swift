import Foundation
import NIOCore
import TestSupport
import Testing
import WSDeflate
import WSTransport

/// The echo target against Python `websockets`: echo, identity, negotiation and TLS.
@Suite("EchoServer against Python websockets", .timeLimit(.minutes(2)))
struct ServerEchoTests {
    @Test("echoes text, binary and a 1 MiB message, answers whoami and reports its identity on the 101")
    func echoAndIdentity() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "target-a", deflate: nil))
        let report = try await ServerTestHarness.client("echo", server.wsURL)
        #expect(report.status == 101)
        #expect(report.headers?["x-wsprobe-target"] == "target-a")
        #expect(report.text == "hello")
        #expect(report.binaryOk == true)
        #expect(report.bigOk == true)
        #expect(report.whoami == "target-a")
        #expect(report.pong == true)
        #expect(report.closeCode == 1000)
        #expect(report.extensions == [])
        let counters = try await ServerTestHarness.waitUntil(server) { $0.openConnections == 0 }
        #expect(counters.upgrades == 1)
        #expect(counters.messagesEchoed == 4)
        #expect(counters.bytesEchoed == 5 + 256 + 1024 * 1024 + 6)
        try await server.stop().get()
    }

    @Test("negotiates permessage-deflate when offered and echoes compressed messages")
    func deflate() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "d"))
        let report = try await ServerTestHarness.client("echo", server.wsURL, ["--deflate"])
        #expect(report.extensions == ["PerMessageDeflate"])
        #expect(report.headers?["sec-websocket-extensions"]?.hasPrefix("permessage-deflate") == true)
        #expect(report.text == "hello")
        #expect(report.bigOk == true)
        #expect(report.whoami == "d")
        try await server.stop().get()
    }

    @Test("declines permessage-deflate when configured off")
    func deflateOff() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "d", deflate: nil))
        let report = try await ServerTestHarness.client("echo", server.wsURL, ["--deflate"])
        #expect(report.extensions == [])
        #expect(report.headers?["sec-websocket-extensions"] == nil)
        #expect(report.bigOk == true)
        try await server.stop().get()
    }

    @Test(
        "selects the client's first offered subprotocol that it supports",
        arguments: [
            (["chat", "superchat"], "superchat"),
            (["superchat", "chat"], "superchat"),
            (["other"], nil),
        ] as [([String], String?)]
    )
    func subprotocol(offered: [String], selected: String?) async throws {
        let server = try await ServerTestHarness.start(.init(identity: "s", subprotocols: ["superchat", "v2"]))
        let arguments = offered.flatMap { ["--subprotocol", $0] }
        // Without a match the server selects none and websockets connects without a subprotocol.
        let report = try await ServerTestHarness.client("echo", server.wsURL, arguments)
        #expect(report.subprotocol == selected)
        #expect(report.headers?["sec-websocket-protocol"] == selected)
        try await server.stop().get()
    }

    @Test("serves wss with the test CA's certificate, verified by Python's ssl including the host name")
    func tls() async throws {
        let certificates = try CertificateFactory.shared()
        let configuration = EchoServerConfiguration(
            identity: "secure",
            tls: EchoServerTLS(
                certificateChainFile: certificates.serverCertificate,
                keyFile: certificates.serverKey
            )
        )
        let server = try await ServerTestHarness.start(configuration)
        let report = try await ServerTestHarness.client(
            "echo",
            "wss://127.0.0.1:\(server.port)/",
            ["--cafile", certificates.caCertificate, "--deflate"]
        )
        #expect(report.whoami == "secure")
        #expect(report.bigOk == true)
        #expect(report.headers?["x-wsprobe-target"] == "secure")
        try await server.stop().get()
    }

    @Test("requires a client certificate from the configured CA (mTLS)")
    func mutualTLS() async throws {
        let certificates = try CertificateFactory.shared()
        let configuration = EchoServerConfiguration(
            identity: "mtls",
            tls: EchoServerTLS(
                certificateChainFile: certificates.serverCertificate,
                keyFile: certificates.serverKey,
                clientCAFile: certificates.caCertificate
            )
        )
        let server = try await ServerTestHarness.start(configuration)
        let url = "wss://127.0.0.1:\(server.port)/"
        let withCertificate = try await ServerTestHarness.client(
            "echo",
            url,
            [
                "--cafile", certificates.caCertificate,
                "--certfile", certificates.clientCertificate, "--keyfile", certificates.clientKey,
            ]
        )
        #expect(withCertificate.whoami == "mtls")
        await #expect(throws: PythonWebSocketClient.Failure.self) {
            _ = try await ServerTestHarness.client("echo", url, ["--cafile", certificates.caCertificate], timeout: 10)
        }
        let counters = try await ServerTestHarness.waitUntil(server) { $0.openConnections == 0 }
        #expect(counters.upgrades == 1)
        try await server.stop().get()
    }

    @Test("echoes a frame the client sent in the same write as its request head")
    func pipelinedFrame() async throws {
        let server = try await ServerTestHarness.start(.init(identity: "p"))
        let report = try await ServerTestHarness.client("pipeline", server.wsURL)
        #expect(report.status == 101)
        #expect(report.text == "pipelined")
        try await server.stop().get()
    }

    @Test("refuses to start with a TLS key file that does not exist, with a tls code")
    func tlsBadFiles() async throws {
        let configuration = EchoServerConfiguration(
            tls: EchoServerTLS(certificateChainFile: "/nonexistent/cert.pem", keyFile: "/nonexistent/key.pem")
        )
        await #expect {
            _ = try await ServerTestHarness.start(configuration)
        } throws: { error in
            (error as? EchoServerError)?.code.hasPrefix("tls.") == true
        }
    }
}
