/// A ready ALB stand-in: three Python `websockets` backends with identities `A`, `B` and `C`, the
/// hostile server as the plain HTTP backend of `/plain`, and one proxy serving
/// `ALBStandInConfiguration.standard(...)` (optionally changed by the caller), with TLS by default.
package final class ALBTestBed: Sendable {
    /// Backend `A` (identity "A"): groups `a` and `weighted` (weight 3), the default group.
    package let a: PythonWebSocketServer
    /// Backend `B` (identity "B"): groups `b` and `weighted` (weight 1).
    package let b: PythonWebSocketServer
    /// Backend `C` (identity "C"): group `c`.
    package let c: PythonWebSocketServer
    /// The plain HTTP backend behind `/plain` (`HostileServer`; its `/plain` answers 200).
    package let plain: HostileServer
    /// The proxy.
    package let proxy: any ALBStandIn
    /// The configuration the proxy runs.
    package let configuration: ALBStandInConfiguration

    private init(
        a: PythonWebSocketServer,
        b: PythonWebSocketServer,
        c: PythonWebSocketServer,
        plain: HostileServer,
        proxy: any ALBStandIn,
        configuration: ALBStandInConfiguration
    ) {
        self.a = a
        self.b = b
        self.c = c
        self.plain = plain
        self.proxy = proxy
        self.configuration = configuration
    }

    /// Starts the backends and the proxy.
    ///
    /// - Parameters:
    ///   - kind: HAProxy or nginx.
    ///   - tls: whether the proxy also terminates TLS with the test CA's server certificate; true.
    ///   - backendIdleClose: passed to the backends' `idleClose`; none by default.
    ///   - backendDeflate: whether the backends negotiate permessage-deflate; off by default.
    ///   - configure: changes to the standard table before it is rendered, e.g. a deliberately
    ///     wrong rule or other weights.
    package static func start(
        _ kind: ALBStandInKind,
        tls: Bool = true,
        backendIdleClose: Duration? = nil,
        backendDeflate: Bool = false,
        configure: @Sendable (inout ALBStandInConfiguration) -> Void = { _ in }
    ) async throws -> ALBTestBed {
        async let a = PythonWebSocketServer.start(id: "A", deflate: backendDeflate, idleClose: backendIdleClose)
        async let b = PythonWebSocketServer.start(id: "B", deflate: backendDeflate, idleClose: backendIdleClose)
        async let c = PythonWebSocketServer.start(id: "C", deflate: backendDeflate, idleClose: backendIdleClose)
        async let plain = HostileServer.start()
        let (serverA, serverB, serverC, plainServer) = try await (a, b, c, plain)
        do {
            var configuration = ALBStandInConfiguration.standard(
                a: serverA.port,
                b: serverB.port,
                c: serverC.port,
                plainHTTPPort: plainServer.port,
                tls: tls ? try PeerTLS.testServer() : nil
            )
            configure(&configuration)
            let proxy = try await kind.start(configuration)
            return ALBTestBed(
                a: serverA,
                b: serverB,
                c: serverC,
                plain: plainServer,
                proxy: proxy,
                configuration: configuration
            )
        } catch {
            for server in [serverA, serverB, serverC] { server.stop() }
            plainServer.stop()
            throw error
        }
    }

    /// Stops the proxy and every backend (idempotent).
    package func stop() {
        proxy.stop()
        for server in [a, b, c] { server.stop() }
        plain.stop()
    }
}
