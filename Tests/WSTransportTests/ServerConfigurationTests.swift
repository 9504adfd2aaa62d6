import NIOCore
import Testing
import WSProtocol
import WSTransport

/// Configuration checks done before binding, and the close-code helper for command-line callers.
@Suite("EchoServer configuration")
struct ServerConfigurationTests {
    @Test(
        "refuses configurations that cannot work, with serve.configuration",
        arguments: [
            EchoServerConfiguration(port: 70_000),
            EchoServerConfiguration(maxConnections: 0),
            EchoServerConfiguration(identityHeaderName: "X Target"),
            EchoServerConfiguration(identity: "a\r\nInjected: yes"),
            EchoServerConfiguration(misbehaviour: .init(rejectWith: .init(status: 101))),
            EchoServerConfiguration(misbehaviour: .init(rejectWith: .init(status: 600))),
            EchoServerConfiguration(misbehaviour: .init(idleCloseCode: CloseCode(rawValue: 1005))),
        ]
    )
    func invalid(configuration: EchoServerConfiguration) async throws {
        await #expect {
            _ = try await EchoServer.start(configuration: configuration)
        } throws: { error in
            (error as? EchoServerError)?.code == "serve.configuration"
        }
    }

    @Test("reports a port already in use as serve.bind")
    func portInUse() async throws {
        let first = try await ServerTestHarness.start()
        await #expect {
            _ = try await EchoServer.start(configuration: .init(port: first.port))
        } throws: { error in
            (error as? EchoServerError)?.code == "serve.bind"
        }
        await first.close()
    }

    @Test(
        "accepts only close codes a close frame may carry (RFC 6455 §7.4)",
        arguments: [
            (1000, true), (1001, true), (1004, false), (1005, false), (1006, false), (1011, true), (1014, true),
            (1015, false), (2999, false), (3000, true), (4999, true), (5000, false), (-1, false), (70_000, false),
        ]
    )
    func wireCloseCode(value: Int, allowed: Bool) {
        let code = EchoServerMisbehaviour.wireCloseCode(value)
        #expect((code != nil) == allowed)
        if let code { #expect(Int(code.rawValue) == value) }
    }
}
