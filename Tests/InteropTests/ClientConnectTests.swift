import NIOCore
import ResultCodes
import TLSOpenSSL
import TestSupport
import Testing
import WSProtocol
import WSTransport

/// Our client's failures and options before the upgrade: refused ports, DNS, `--resolve` and source addresses.
@Suite("Client before the upgrade")
struct ClientConnectTests {
    @Test("a port where nothing listens fails with tcp.refused in the TCP phase")
    func refused() async throws {
        let reserved = try ReservedPort()
        let port = reserved.port
        let failure = try await ClientTestClient.failure("ws://127.0.0.1:\(port)/")
        #expect(failure.error.code == "tcp.refused")
        #expect(failure.error.phase == .tcp)
        #expect(failure.description.contains("127.0.0.1"))
        #expect(failure.description.contains("\(port)"))
        #expect(failure.description.contains("refused"))
        #expect(failure.remoteAddress?.port == port)
        #expect(failure.timings.tcpDone == nil)
        #expect(failure.request == nil)
        withExtendedLifetime(reserved) {}
    }

    @Test("a name that does not resolve fails with dns.failed naming the host")
    func unresolvable() async throws {
        let failure = try await ClientTestClient.failure("ws://does-not-exist.invalid/")
        #expect(failure.error.code == "dns.failed")
        #expect(failure.error.phase == .dns)
        #expect(failure.description.contains("Could not resolve 'does-not-exist.invalid'"))
        #expect(failure.timings.tcpDone == nil)
        #expect(failure.resolvedAddresses.isEmpty)
    }

    @Test("a --resolve entry dials its address while the Host header keeps the URL's name, without DNS")
    func resolveOverride() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect("ws://example.test:\(server.port)/path") {
            $0.resolve = [(host: "example.test", port: server.port, address: "127.0.0.1")]
        }
        defer { Task { await connection.abort() } }

        #expect(connection.info.request.hostHeaderValue == "example.test:\(server.port)")
        #expect(connection.info.remoteAddress.ipAddress == "127.0.0.1")
        #expect(connection.info.resolvedAddresses.map(\.ipAddress) == ["127.0.0.1"])
        #expect(connection.info.timings.dnsDone == nil)
        #expect(try await connection.echo(.text("via --resolve")) == .text("via --resolve"))
    }

    @Test("over TLS a --resolve entry keeps SNI and verification on the URL's name")
    func resolveOverrideKeepsSNI() async throws {
        let server = try await ClientPeers.tls.value
        let override = (host: "example.test", port: server.port, address: "127.0.0.1")

        // The test certificate covers localhost only: verifying against example.test must fail by name.
        let verifying = try ClientTestClient.tlsContext()
        let failure = try await ClientTestClient.failure("wss://example.test:\(server.port)/") {
            $0.tls = verifying
            $0.resolve = [override]
        }
        #expect(failure.error.code == "tls.hostname-mismatch")
        #expect(failure.description.contains("'example.test'"))

        let insecure = try ClientTestClient.tlsContext(verifyPeer: false)
        let connection = try await ClientTestClient.connect("wss://example.test:\(server.port)/") {
            $0.tls = insecure
            $0.resolve = [override]
        }
        defer { Task { await connection.abort() } }
        #expect(connection.info.tls?.serverName == "example.test")
        #expect(connection.info.request.hostHeaderValue == "example.test:\(server.port)")
    }

    @Test("a --resolve entry for another port or host is not used")
    func resolveOverrideOtherPort() async throws {
        let failure = try await ClientTestClient.failure("ws://does-not-exist.invalid:8080/") {
            $0.resolve = [(host: "does-not-exist.invalid", port: 8081, address: "127.0.0.1")]
        }
        #expect(failure.error.code == "dns.failed")
    }

    @Test("a --resolve address that is not an IP literal fails with usage.resolve")
    func resolveOverrideInvalid() async throws {
        let failure = try await ClientTestClient.failure("ws://example.test:8080/") {
            $0.resolve = [(host: "example.test", port: 8080, address: "not-an-ip")]
        }
        #expect(failure.error.code == "usage.resolve")
        #expect(failure.description.contains("'not-an-ip' is not an IP address"))
    }

    @Test("binding the source address 127.0.0.2 connects from it")
    func sourceAddress() async throws {
        let server = try await ClientPeers.plain.value
        let connection = try await ClientTestClient.connect(server.url) {
            $0.localAddress = try SocketAddress(ipAddress: "127.0.0.2", port: 0)
        }
        defer { Task { await connection.abort() } }

        let local = try #require(connection.info.localAddress)
        #expect(local.ipAddress == "127.0.0.2")
        #expect((local.port ?? 0) > 0)
        #expect(try await connection.echo(.text("from 127.0.0.2")) == .text("from 127.0.0.2"))
    }

    @Test("a source address that is not local fails with tcp.local-address naming it")
    func sourceAddressNotLocal() async throws {
        let server = try await ClientPeers.plain.value
        let failure = try await ClientTestClient.failure(server.url) {
            $0.localAddress = try SocketAddress(ipAddress: "192.0.2.1", port: 0)
        }
        #expect(failure.error.code == "tcp.local-address")
        #expect(failure.error.phase == .tcp)
        #expect(failure.description.contains("192.0.2.1"))
    }

    @Test("an IPv6 literal is dialled without DNS: nothing listens on [::1] here")
    func ipv6Literal() async throws {
        let reserved = try ReservedPort()  // nothing in the tests listens on ::1
        let failure = try await ClientTestClient.failure("ws://[::1]:\(reserved.port)/")
        #expect(["tcp.refused", "tcp.unreachable"].contains(failure.error.code), "\(failure)")
        #expect(failure.error.phase == .tcp)
        #expect(failure.timings.dnsDone == nil)
        #expect(failure.remoteAddress?.ipAddress == "::1")
        withExtendedLifetime(reserved) {}
    }

    @Test("a header value with a line break is refused before dialling with handshake.invalid-request")
    func invalidHeader() async throws {
        let port = try LoopbackPort.free()
        let failure = try await ClientTestClient.failure("ws://127.0.0.1:\(port)/") {
            $0.headers.append(name: "X-Injected", value: "a\r\nHost: evil.example")
        }
        #expect(failure.error.code == "handshake.invalid-request")
        #expect(failure.description.contains("X-Injected"))
        #expect(failure.timings.tcpDone == nil)
        #expect(failure.remoteAddress == nil)
    }
}
