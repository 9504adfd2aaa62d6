import NIOCore
import ResultCodes
import Testing
import WSProtocol

@testable import WSTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Connector errors, --resolve entries and phase timings")
struct ConnectorErrorTests {
    private static let address: SocketAddress = {
        do {
            return try SocketAddress(ipAddress: "192.0.2.10", port: 443)
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    @Test(
        "connect errors map to their TCP code by errno",
        arguments: [
            (ECONNREFUSED, "tcp.refused"),
            (EHOSTUNREACH, "tcp.unreachable"),
            (ENETUNREACH, "tcp.unreachable"),
            (ECONNRESET, "tcp.reset"),
            (EADDRNOTAVAIL, "tcp.no-local-port"),
            (EPIPE, "tcp.failed"),
        ]
    )
    func connectErrno(errno: Int32, code: String) {
        let error = WebSocketConnector.connectError(
            IOError(errnoCode: errno, reason: "connect(descriptor:addr:size:)"),
            phase: .tcp,
            address: Self.address
        )
        #expect(error.code == code)
        #expect(error.phase == .tcp)
        #expect(error.description.contains("192.0.2.10"))
    }

    @Test("a failed bind of the source address is tcp.local-address naming that address")
    func bindFailure() throws {
        let local = try SocketAddress(ipAddress: "198.51.100.7", port: 0)
        let error = WebSocketConnector.connectError(
            IOError(errnoCode: EADDRNOTAVAIL, reason: "bind(descriptor:ptr:bytes:)"),
            phase: .tcp,
            address: Self.address,
            localAddress: local
        )
        #expect(error.code == "tcp.local-address")
        #expect(error.phase == .tcp)
        #expect(error.description.contains("Could not bind the local address 198.51.100.7:0"))
        #expect(!error.description.contains("spread connections"))
    }

    @Test("a connect timeout is timeout.tcp with its duration and hint")
    func connectTimeout() {
        let error = WebSocketConnector.connectError(
            ChannelError.connectTimeout(.milliseconds(1500)),
            phase: .tcp,
            address: Self.address
        )
        #expect(error.code == "timeout.tcp")
        #expect(error.description.contains("1.5 s"))
        #expect(error.description.contains("no SYN-ACK"))
    }

    @Test("errors already classified pass through unchanged")
    func passThrough() {
        let dns = ConnectError.dns(host: "example.test", reason: "Name or service not known")
        #expect(WebSocketConnector.connectError(dns, phase: .tcp).code == "dns.failed")
        let failure = ConnectFailure(
            error: .timeout(phase: .dns, after: 1_000_000),
            timings: PhaseTimings(start: .now())
        )
        #expect(WebSocketConnector.connectError(failure, phase: .tcp).code == "timeout.dns")
    }

    @Test(
        "every ConnectError has its stable code and phase",
        arguments: [
            (ConnectError.invalidURL("x", reason: "r"), "usage.url", ConnectionPhase.dns),
            (.invalidResolve("x", reason: "r"), "usage.resolve", .dns),
            (.dns(host: "h", reason: "r"), "dns.failed", .dns),
            (.timeout(phase: .upgrade, after: 1), "timeout.upgrade", .upgrade),
            (.closedDuring(phase: .tls), "closed.tls", .tls),
            (.deflateSetup("r"), "deflate.setup-failed", .upgrade),
            (.localAddress("a", reason: "r"), "tcp.local-address", .tcp),
            (.handshake(.upgradeMissing), "handshake.upgrade-missing", .upgrade),
        ]
    )
    func codes(error: ConnectError, code: String, phase: ConnectionPhase) {
        #expect(error.code == code)
        #expect(error.phase == phase)
        #expect(!error.description.isEmpty)
    }

    @Test("--resolve parses host:port:address, with or without IPv6 brackets")
    func resolveParsing() throws {
        #expect(
            try ConnectOptions.parseResolve("example.test:443:127.0.0.1")
                == (host: "example.test", port: 443, address: "127.0.0.1")
        )
        #expect(try ConnectOptions.parseResolve("example.test:443:[::1]").address == "::1")
        #expect(try ConnectOptions.parseResolve("example.test:443:::1").address == "::1")
        var options = ConnectOptions(url: try WebSocketURL("ws://example.test/"))
        options.resolve = [try ConnectOptions.parseResolve("Example.Test:8443:10.0.0.1")]
        #expect(options.resolveEntry(host: "example.test", port: 8443)?.address == "10.0.0.1")
        #expect(options.resolveEntry(host: "example.test", port: 443) == nil)
        #expect(options.resolveEntry(host: "other.test", port: 8443) == nil)
    }

    @Test(
        "malformed --resolve entries are usage.resolve errors naming the problem",
        arguments: [
            ("example.test:443", "expected host:port:address"),
            (":443:127.0.0.1", "expected host:port:address"),
            ("example.test:443:", "expected host:port:address"),
            ("example.test:https:127.0.0.1", "'https' is not a number"),
            ("example.test:0:127.0.0.1", "from 1 to 65535"),
            ("example.test:65536:127.0.0.1", "from 1 to 65535"),
        ]
    )
    func resolveMalformed(text: String, words: String) {
        #expect {
            try ConnectOptions.parseResolve(text)
        } throws: { error in
            guard let error = error as? ConnectError else { return false }
            return error.code == "usage.resolve" && error.description.contains(words)
        }
    }

    @Test("phase durations are differences of the marks; TCP counts from DNS when it ran")
    func durations() {
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        var timings = PhaseTimings(start: start)
        #expect(timings.dns == nil && timings.tcp == nil && timings.total == nil)
        timings.tcpDone = start + .milliseconds(3)
        #expect(timings.tcp == .milliseconds(3))
        timings.dnsDone = start + .milliseconds(1)
        timings.tlsDone = start + .milliseconds(10)
        timings.upgradeDone = start + .milliseconds(12)
        #expect(timings.dns == .milliseconds(1))
        #expect(timings.tcp == .milliseconds(2))
        #expect(timings.tls == .milliseconds(7))
        #expect(timings.upgrade == .milliseconds(2))
        #expect(timings.total == .milliseconds(12))
    }

    @Test("the upgrade duration counts from TCP when there is no TLS")
    func upgradeWithoutTLS() {
        let start = NIODeadline.uptimeNanoseconds(5_000)
        var timings = PhaseTimings(start: start)
        timings.tcpDone = start + .milliseconds(1)
        timings.upgradeDone = start + .milliseconds(4)
        #expect(timings.tls == nil)
        #expect(timings.upgrade == .milliseconds(3))
    }
}
