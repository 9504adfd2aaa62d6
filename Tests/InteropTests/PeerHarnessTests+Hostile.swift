import TestSupport
import Testing

/// One hostile server for all hostile-route tests; the watchdog stops it when the test process ends.
private let sharedHostileServer = Task { try await HostileServer.start() }

/// The hostile handshake server, driven by raw sockets.
extension PeerHarnessTests {
    private static let answeringRoutes = HostileRoute.allCases.filter { $0.status != nil }

    @Test("every answering hostile route sends its documented status line", arguments: answeringRoutes)
    func hostileStatus(route: HostileRoute) async throws {
        let server = try await sharedHostileServer.value
        let connection = try RawTCPConnection(port: server.port)
        try connection.write(RawTCPConnection.upgradeRequest(path: route.path + "?probe=1"))
        let response = try connection.readResponse()
        #expect(response.status == route.status)
        #expect(response.statusLine.hasPrefix(route == .http10 ? "HTTP/1.0 " : "HTTP/1.1 "))
    }

    @Test("hostile 101 variants carry exactly the documented header faults")
    func hostileUpgradeFaults() async throws {
        let server = try await sharedHostileServer.value
        func upgrade(_ route: HostileRoute) throws -> RawHTTPResponse {
            let connection = try RawTCPConnection(port: server.port)
            try connection.write(RawTCPConnection.upgradeRequest(path: route.path))
            return try connection.readResponse()
        }
        let ok = try upgrade(.ok)
        #expect(ok.header("Upgrade") == "websocket" && ok.header("Connection") == "Upgrade")
        #expect(ok.header("Sec-WebSocket-Accept") == RawTCPConnection.sampleAccept)

        let noUpgrade = try upgrade(.noUpgrade)
        #expect(noUpgrade.header("Upgrade") == nil && noUpgrade.header("Connection") == "Upgrade")
        let noConnection = try upgrade(.noConnection)
        #expect(noConnection.header("Connection") == nil && noConnection.header("Upgrade") == "websocket")
        let badAccept = try upgrade(.badAccept)
        #expect(badAccept.header("Sec-WebSocket-Accept") != nil)
        #expect(badAccept.header("Sec-WebSocket-Accept") != RawTCPConnection.sampleAccept)
        #expect(try upgrade(.noAccept).header("Sec-WebSocket-Accept") == nil)
        #expect(try upgrade(.unofferedSubprotocol).header("Sec-WebSocket-Protocol") == "chat.v9")
        #expect(try upgrade(.unofferedExtension).header("Sec-WebSocket-Extensions") == "x-unknown")
        #expect(
            try upgrade(.deflateBadParameters).header("Sec-WebSocket-Extensions")
                == "permessage-deflate; server_max_window_bits=7"
        )
    }

    @Test("hostile error pages carry their documented headers and bodies")
    func hostileErrorPages() async throws {
        let server = try await sharedHostileServer.value
        func get(_ route: HostileRoute) throws -> RawHTTPResponse {
            let connection = try RawTCPConnection(port: server.port)
            try connection.write(RawTCPConnection.upgradeRequest(path: route.path))
            return try connection.readResponse()
        }
        #expect(try get(.health).bodyText.contains("status: healthy"))
        #expect(try get(.plain).bodyText == "plain HTTP backend\n")
        let badGateway = try get(.badGateway)
        #expect(badGateway.bodyText.contains("<h1>502 Bad Gateway</h1>") && badGateway.header("Server") == "nginx")
        #expect(try get(.redirect).header("Location") == "/ok")
        #expect(try get(.unauthorized).header("WWW-Authenticate") == "Basic realm=\"wsprobe\"")
        #expect(try get(.upgradeRequired).header("Sec-WebSocket-Version") == "13, 8")
        #expect(try get(.http10).bodyText == "an HTTP/1.0 server\n")
    }

    @Test("the hostile /ok route completes an echo and a close handshake")
    func hostileOkEcho() async throws {
        let server = try await sharedHostileServer.value
        let connection = try RawTCPConnection(port: server.port)
        try connection.write(RawTCPConnection.upgradeRequest(path: HostileRoute.ok.path))
        #expect(try connection.readResponse().status == 101)
        try connection.writeFrame(opcode: 0x1, payload: Array("ping me".utf8))
        let echo = try connection.readFrame()
        #expect(echo.fin && echo.opcode == 0x1 && echo.payload == Array("ping me".utf8))
        try connection.writeFrame(opcode: 0x9, payload: [1, 2, 3])
        let pong = try connection.readFrame()
        #expect(pong.opcode == 0xA && pong.payload == [1, 2, 3])
        try connection.writeFrame(opcode: 0x8, payload: [0x03, 0xE8])
        let close = try connection.readFrame()
        #expect(close.opcode == 0x8 && close.payload == [0x03, 0xE8])
        #expect(try await connection.waitForPeerClose(within: 5))
    }

    @Test("hostile /close-after-upgrade sends close 1001 and /drop-after-upgrade closes TCP without a frame")
    func hostileAfterUpgrade() async throws {
        let server = try await sharedHostileServer.value
        let closing = try RawTCPConnection(port: server.port)
        try closing.write(RawTCPConnection.upgradeRequest(path: HostileRoute.closeAfterUpgrade.path))
        #expect(try closing.readResponse().status == 101)
        let close = try closing.readFrame()
        #expect(close.opcode == 0x8 && Array(close.payload.prefix(2)) == [0x03, 0xE9])

        let dropping = try RawTCPConnection(port: server.port)
        try dropping.write(RawTCPConnection.upgradeRequest(path: HostileRoute.dropAfterUpgrade.path))
        #expect(try dropping.readResponse().status == 101)
        #expect(try dropping.readToEnd(limit: 1024).isEmpty)
    }

    @Test("hostile /huge-head sends a 101 head over 64 KiB, /garbage no HTTP, /silent nothing")
    func hostileMalformed() async throws {
        let server = try await sharedHostileServer.value
        let huge = try RawTCPConnection(port: server.port)
        try huge.write(RawTCPConnection.upgradeRequest(path: HostileRoute.hugeHead.path))
        let head = try huge.readHead(limit: 256 * 1024)
        #expect(head.utf8.count > 64 * 1024 && head.hasPrefix("HTTP/1.1 101 "))

        let garbage = try RawTCPConnection(port: server.port)
        try garbage.write(RawTCPConnection.upgradeRequest(path: HostileRoute.garbage.path))
        let bytes = try garbage.readToEnd(limit: 4096)
        #expect(!bytes.isEmpty && !bytes.starts(with: Array("HTTP/".utf8)))

        let silent = try RawTCPConnection(port: server.port, timeout: 0.5)
        try silent.write(RawTCPConnection.upgradeRequest(path: HostileRoute.silent.path))
        #expect(throws: PeerError.self) { try silent.readHead() }
        #expect(try !silent.peerClosed())
    }
}
