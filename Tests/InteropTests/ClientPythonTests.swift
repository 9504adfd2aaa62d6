import NIOCore
import ResultCodes
import TestSupport
import Testing
import WSDeflate
import WSProtocol
import WSTransport

/// Our client against the Python `websockets` server: echo, ping, close, idle close, deflate, subprotocols
/// and phase timings.
@Suite("Client against Python websockets")
struct ClientPythonTests {
    @Test("text and binary messages, up to 1 MiB, echo back unchanged")
    func echo() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url)
        defer { Task { await connection.abort() } }

        #expect(try await connection.echo(.text("hello, wsprobe ✓")) == .text("hello, wsprobe ✓"))
        let binary = Message.binary(ByteBuffer(bytes: (0..<256).map { UInt8($0) }))
        #expect(try await connection.echo(binary) == binary)
        var big = ByteBuffer()
        big.writeBytes((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let bigEcho = try await connection.echo(.binary(big), timeout: .seconds(20))
        #expect(bigEcho.kind == .binary)
        #expect(bigEcho.payload.readableBytes == 1 << 20)
        #expect(bigEcho.payload == big)
        let bigText = String(repeating: "wsprobe é ", count: (1 << 20) / 11)
        #expect(try await connection.echo(.text(bigText), timeout: .seconds(20)) == .text(bigText))
        try await connection.close()
        #expect(try await connection.closeOutcome().code == .normalClosure)
    }

    @Test("a ping is answered by a pong with the same payload")
    func pingPong() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url)
        defer { Task { await connection.abort() } }

        let pong = try await connection.ping("are you there?")
        #expect(String(buffer: pong) == "are you there?")
        try await connection.close()
        _ = try await connection.closeOutcome()
    }

    @Test("closing with 1000 completes a clean handshake initiated by us")
    func cleanCloseByUs() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url)

        try await connection.close(code: .normalClosure, reason: "done")
        let outcome = try await connection.closeOutcome()
        #expect(outcome.code == .normalClosure)
        #expect(outcome.initiator == .local)
        #expect(outcome.wasClean)
        #expect(!outcome.closeTimedOut)
        #expect(outcome.error == nil)
        await #expect(throws: (any Error).self) { try await connection.send(.text("after close")) }
    }

    @Test("an idle connection closed by the server reports 1001, initiated remotely, clean")
    func serverIdleClose() async throws {
        let server = try await ClientPeers.idle.value
        let connection = try await ClientTestClient.connect(server.url)

        let outcome = try await connection.closeOutcome(timeout: .seconds(10))
        #expect(outcome.code == .goingAway)
        #expect(outcome.initiator == .remote)
        #expect(outcome.reason == "idle timeout")
        #expect(outcome.wasClean)
        // The server counts 0.6 s from the last byte it received, our request, sent after the TCP mark.
        let idle = try #require(try await connection.secondsToClose(from: connection.info.timings.tcpDone))
        #expect(idle >= 0.55, "closed \(idle) s after TCP was up")
    }

    @Test("with deflate, the negotiated parameters are reported and compressible messages shrink on the wire")
    func deflate() async throws {
        let server = try await ClientPeers.deflate.value
        let connection = try await ClientTestClient.connect(server.url) { $0.deflate = .standard }
        defer { Task { await connection.abort() } }

        let parameters = try #require(connection.info.deflate)
        let header = try #require(connection.info.response.headers["Sec-WebSocket-Extensions"])
        #expect(header.hasPrefix("permessage-deflate"))
        let accepted = try #require(connection.info.response.extensions.first)
        #expect(connection.info.response.extensions.map(\.name) == ["permessage-deflate"])
        // What is reported is what the 101 said (absent window bits mean 15, RFC 7692 §7.1.2).
        let answered = Dictionary(accepted.parameters.map { ($0.name, $0.value) }) { first, _ in first }
        func bits(_ name: String) -> Int { answered[name].flatMap { $0.flatMap { Int($0) } } ?? 15 }
        #expect(parameters.serverMaxWindowBits == bits("server_max_window_bits"))
        #expect(parameters.clientMaxWindowBits == bits("client_max_window_bits"))
        #expect(parameters.serverNoContextTakeover == (answered["server_no_context_takeover"] != nil))
        #expect(parameters.clientNoContextTakeover == (answered["client_no_context_takeover"] != nil))
        #expect(header.contains("server_max_window_bits=\(parameters.serverMaxWindowBits)"))
        #expect(connection.info.request.extensions.map(\.name) == ["permessage-deflate"])

        let text = String(repeating: "the same sentence compresses well. ", count: 2000)
        #expect(try await connection.echo(.text(text)) == .text(text))
        let binary = Message.binary(ByteBuffer(repeating: 0x42, count: 100_000))
        #expect(try await connection.echo(binary) == binary)
        let wire = try await connection.wireBytes()
        let payload = text.utf8.count + 100_000
        #expect(wire.written < payload / 10, "sent \(wire.written) wire bytes for \(payload) payload bytes")
        #expect(wire.read < payload / 10, "read \(wire.read) wire bytes for \(payload) payload bytes")
    }

    @Test("deflate offered to a server without it: nothing negotiated, messages still echo")
    func deflateDeclined() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url) { $0.deflate = .standard }
        defer { Task { await connection.abort() } }

        #expect(connection.info.deflate == nil)
        #expect(connection.info.response.headers["Sec-WebSocket-Extensions"] == nil)
        #expect(try await connection.echo(.text("plain")) == .text("plain"))
    }

    @Test("the offered subprotocols are sent and the server's choice is reported")
    func subprotocolChoice() async throws {
        let server = try await ClientPeers.subprotocols.value
        let connection = try await ClientTestClient.connect(server.url) {
            $0.subprotocols = ["chat.v1", "chat.v2"]
        }
        defer { Task { await connection.abort() } }

        #expect(connection.info.request.subprotocols == ["chat.v1", "chat.v2"])
        #expect(connection.info.response.subprotocol == "chat.v2")
        #expect(connection.info.response.headers["Sec-WebSocket-Protocol"] == "chat.v2")
    }

    @Test("a required subprotocol the server does not select fails with handshake.subprotocol-missing")
    func subprotocolRequired() async throws {
        let server = try await ClientPeers.subprotocols.value
        let failure = try await ClientTestClient.failure(server.url) {
            $0.subprotocols = ["mqtt"]
            $0.requireSubprotocol = true
        }
        #expect(failure.error.code == "handshake.subprotocol-missing")
        #expect(failure.error.phase == .upgrade)
        #expect(failure.description.contains("'mqtt'"))
        #expect(failure.description.contains("required"))
        #expect(failure.request?.subprotocols == ["mqtt"])
        #expect(failure.timings.tcpDone != nil)
    }

    @Test("without requireSubprotocol, no selected subprotocol still opens")
    func subprotocolOptional() async throws {
        let server = try await ClientPeers.subprotocols.value
        let connection = try await ClientTestClient.connect(server.url) { $0.subprotocols = ["mqtt"] }
        defer { Task { await connection.abort() } }
        #expect(connection.info.response.subprotocol == nil)
    }

    @Test("phase marks are ordered; DNS is skipped for an IP literal")
    func timingsForLiteral() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect("ws://127.0.0.1:\(server.port)/")
        defer { Task { await connection.abort() } }

        let timings = connection.info.timings
        #expect(timings.dnsDone == nil)
        #expect(timings.tlsDone == nil)
        let tcpDone = try #require(timings.tcpDone)
        let upgradeDone = try #require(timings.upgradeDone)
        #expect(timings.start <= tcpDone)
        #expect(tcpDone <= upgradeDone)
        #expect(timings.total == upgradeDone - timings.start)
        #expect(connection.info.resolvedAddresses.count == 1)
        #expect(connection.info.remoteAddress.port == server.port)
        #expect(connection.info.localAddress?.ipAddress == "127.0.0.1")
    }

    @Test("phase marks are ordered; DNS runs for localhost")
    func timingsForName() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect("ws://localhost:\(server.port)/")
        defer { Task { await connection.abort() } }

        let timings = connection.info.timings
        let dnsDone = try #require(timings.dnsDone)
        let tcpDone = try #require(timings.tcpDone)
        let upgradeDone = try #require(timings.upgradeDone)
        #expect(timings.start <= dnsDone)
        #expect(dnsDone <= tcpDone)
        #expect(tcpDone <= upgradeDone)
        #expect(connection.info.resolvedAddresses.contains { $0.ipAddress == "127.0.0.1" })
        #expect(connection.info.request.hostHeaderValue == "localhost:\(server.port)")
    }

    @Test("a message sent in fragments is reassembled by the server and echoed whole")
    func fragmented() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url)
        defer { Task { await connection.abort() } }

        let text = String(repeating: "fragmented ✓ ", count: 500)
        try await connection.send(.text(text), fragmentSize: 1000)
        #expect(try await connection.nextMessage() == .text(text))
        let wire = try await connection.wireBytes()
        #expect(wire.written > text.utf8.count + 6 * (text.utf8.count / 1000))
    }

    @Test("an echo larger than our message limit closes the connection with 1009, initiated by us")
    func messageTooBig() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url) {
            $0.limits = Limits(maxFrameSize: 4096, maxMessageSize: 4096)
        }
        try await connection.send(.binary(ByteBuffer(repeating: 7, count: 10_000)))
        let outcome = try await connection.closeOutcome()
        #expect(outcome.sentCode == .messageTooBig)
        #expect(outcome.initiator == .local)
        #expect(outcome.error != nil)
    }

    @Test("a deflate offer without context takeover is agreed and reported, and messages round-trip")
    func deflateNoContextTakeover() async throws {
        let server = try await ClientPeers.deflate.value
        let offer = try DeflateOffer(parsing: "server_no_context_takeover; client_no_context_takeover")
        let connection = try await ClientTestClient.connect(server.url) { $0.deflate = offer }
        defer { Task { await connection.abort() } }

        let parameters = try #require(connection.info.deflate)
        #expect(parameters.serverNoContextTakeover)
        #expect(parameters.clientNoContextTakeover)
        let header = try #require(connection.info.response.headers["Sec-WebSocket-Extensions"])
        #expect(header.contains("server_no_context_takeover"))
        for index in 0..<5 {
            let text = String(repeating: "message \(index) repeats itself. ", count: 300)
            #expect(try await connection.echo(.text(text)) == .text(text))
        }
    }

    @Test("500 messages sent in one event-loop tick all echo back, in order")
    func burst() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url)
        defer { Task { await connection.abort() } }

        let delegate = connection.delegate
        try await connection.eventLoop.submit {
            guard let socket = delegate.value.socket else { throw ClientWaitError.noSocket }
            for index in 0..<500 {
                try socket.send(.text("burst \(index)"))
            }
        }.get()
        for index in 0..<500 {
            #expect(try await connection.nextMessage() == .text("burst \(index)"))
        }
    }
}
