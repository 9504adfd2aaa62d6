import TestSupport
import Testing

/// The Python `websockets` server, driven by raw sockets and Python's ssl module.
extension PeerHarnessTests {
    @Test("the Python server answers a raw upgrade with 101, the RFC accept key and its identity")
    func pythonUpgradeAndIdentity() async throws {
        let server = try await PythonWebSocketServer.start(id: "alpha")
        defer { server.stop() }
        let connection = try RawTCPConnection(port: server.port)
        try connection.write(RawTCPConnection.upgradeRequest(path: "/any"))
        let response = try connection.readResponse()
        #expect(response.status == 101)
        #expect(response.header("Sec-WebSocket-Accept") == RawTCPConnection.sampleAccept)
        #expect(response.identity == "alpha")
        #expect(response.header("Sec-WebSocket-Extensions") == nil)
        server.stop()
        #expect(!server.process.isRunning)
        #expect(!LoopbackPort.isAccepting(server.port))
    }

    @Test("the Python server answers whoami with its identity and echoes text and binary")
    func pythonEcho() async throws {
        let server = try await PythonWebSocketServer.start(id: "alpha")
        defer { server.stop() }
        let connection = try RawTCPConnection(port: server.port)
        try connection.write(RawTCPConnection.upgradeRequest(path: "/"))
        #expect(try connection.readResponse().status == 101)

        try connection.writeFrame(opcode: 0x1, payload: Array("whoami".utf8))
        let identity = try connection.readFrame()
        #expect(identity.opcode == 0x1 && identity.payload == Array("alpha".utf8))

        try connection.writeFrame(opcode: 0x1, payload: Array("hello".utf8))
        #expect(try connection.readFrame().payload == Array("hello".utf8))

        let binary: [UInt8] = (0..<300).map { UInt8($0 & 0xFF) }
        try connection.writeFrame(opcode: 0x2, payload: binary)
        let echoed = try connection.readFrame()
        #expect(echoed.opcode == 0x2 && echoed.payload == binary)

        try connection.writeFrame(opcode: 0x8, payload: [0x03, 0xE8])
        let close = try connection.readFrame()
        #expect(close.opcode == 0x8 && Array(close.payload.prefix(2)) == [0x03, 0xE8])
    }

    @Test("the Python server negotiates permessage-deflate only when started with deflate", arguments: [true, false])
    func pythonDeflate(enabled: Bool) async throws {
        let server = try await PythonWebSocketServer.start(deflate: enabled)
        defer { server.stop() }
        let connection = try RawTCPConnection(port: server.port)
        try connection.write(
            RawTCPConnection.upgradeRequest(
                path: "/",
                headers: ["Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"]
            )
        )
        let response = try connection.readResponse()
        #expect(response.status == 101)
        let extensions = response.header("Sec-WebSocket-Extensions")
        if enabled {
            #expect(extensions?.hasPrefix("permessage-deflate") == true)
        } else {
            #expect(extensions == nil)
        }
    }

    @Test("the Python server selects the first supported offered subprotocol, or none")
    func pythonSubprotocols() async throws {
        let server = try await PythonWebSocketServer.start(subprotocols: ["a", "b"])
        defer { server.stop() }
        for (offer, expected) in [("b", "b"), ("x, b, a", "a"), ("x", nil)] as [(String, String?)] {
            let connection = try RawTCPConnection(port: server.port)
            try connection.write(
                RawTCPConnection.upgradeRequest(path: "/", headers: ["Sec-WebSocket-Protocol: \(offer)"])
            )
            let response = try connection.readResponse()
            #expect(response.status == 101)
            #expect(response.header("Sec-WebSocket-Protocol") == expected, "offer \(offer)")
        }
    }

    @Test("the Python server closes an idle connection with 1001")
    func pythonIdleClose() async throws {
        let server = try await PythonWebSocketServer.start(idleClose: .milliseconds(300))
        defer { server.stop() }
        let connection = try RawTCPConnection(port: server.port)
        try connection.write(RawTCPConnection.upgradeRequest(path: "/"))
        #expect(try connection.readResponse().status == 101)
        let close = try connection.readFrame()
        #expect(close.opcode == 0x8)
        #expect(Array(close.payload.prefix(2)) == [0x03, 0xE9])
    }

    @Test("the Python server serves TLS with the test CA's certificate and its identity")
    func pythonTLS() async throws {
        let server = try await PythonWebSocketServer.start(id: "secure", tls: try PeerTLS.testServer())
        defer { server.stop() }
        #expect(server.url == "wss://localhost:\(server.port)")
        let response = try await TLSRequest.send(port: server.port, path: "/", upgrade: true)
        #expect(response.status == 101)
        #expect(response.identity == "secure")
        #expect(response.header("Sec-WebSocket-Accept") == RawTCPConnection.sampleAccept)
    }

    @Test("the Python server with a client CA rejects a client without a certificate and accepts one with it")
    func pythonMutualTLS() async throws {
        let certificates = try CertificateFactory.shared()
        let server = try await PythonWebSocketServer.start(
            id: "mtls",
            tls: try PeerTLS.testServer(requireClientCertificate: true)
        )
        defer { server.stop() }
        await #expect(throws: PeerError.self) {
            _ = try await TLSRequest.send(port: server.port, path: "/", upgrade: true)
        }
        let response = try await TLSRequest.send(
            port: server.port,
            path: "/",
            upgrade: true,
            clientCertificate: (certificates.clientCertificate, certificates.clientKey)
        )
        #expect(response.status == 101)
        #expect(response.identity == "mtls")
    }
}

extension PeerHarnessTests {
    @Test("the Python peers print nothing for a bad request or an abrupt disconnect")
    func pythonPeersStayQuiet() async throws {
        let server = try await PythonWebSocketServer.start(id: "quiet")
        defer { server.stop() }
        let hostile = try await HostileServer.start()
        defer { hostile.stop() }
        for port in [server.port, hostile.port] {
            let plain = try RawTCPConnection(port: port)
            try plain.write(RawTCPConnection.upgradeRequest(path: "/ok", upgrade: false))
            _ = try plain.readResponse()
            let abrupt = try RawTCPConnection(port: port)
            try abrupt.write(RawTCPConnection.upgradeRequest(path: "/ok"))
            _ = try abrupt.readResponse()
            abrupt.close()
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.process.output().isEmpty)
        #expect(hostile.process.output().isEmpty)
    }
}
