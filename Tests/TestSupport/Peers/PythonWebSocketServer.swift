/// A Python `websockets` echo server (`Tests/Peers/ws_server.py`) on 127.0.0.1.
///
/// It echoes text and binary messages, answers `whoami` with its identity and puts the identity in
/// the `X-Wsprobe-Target` header of its 101. The process stops on `stop()` or `deinit`.
package final class PythonWebSocketServer: Sendable {
    /// The TCP port on 127.0.0.1.
    package let port: Int
    /// The identity given with `--id`, if any.
    package let id: String?
    /// Whether it serves `wss://` (TLS).
    package let usesTLS: Bool
    /// The running process.
    package let process: PeerProcess

    private init(port: Int, id: String?, usesTLS: Bool, process: PeerProcess) {
        self.port = port
        self.id = id
        self.usesTLS = usesTLS
        self.process = process
    }

    /// `ws://127.0.0.1:PORT` or, with TLS, `wss://localhost:PORT` (the name the test certificate
    /// covers; it also covers 127.0.0.1).
    package var url: String {
        usesTLS ? "wss://localhost:\(port)" : "ws://127.0.0.1:\(port)"
    }

    /// Starts the server and waits until it accepts connections.
    ///
    /// - Parameters:
    ///   - id: the identity for `X-Wsprobe-Target` and `whoami`; none by default.
    ///   - deflate: whether permessage-deflate (RFC 7692) is negotiated when offered; off by default.
    ///   - tls: serve TLS with these files (see `PeerTLS.testServer()`); plain TCP by default.
    ///   - subprotocols: supported subprotocols in preference order; the first one the client also
    ///     offers is selected, none when nothing matches.
    ///   - idleClose: close a connection with 1001 after this long without any bytes from the client.
    ///   - closeAfter: close each connection this long after its upgrade with `closeCode` (as a target
    ///     restarted during a deploy does), only the first `closeLimit` connections when given.
    ///   - greeting: a text message sent right after each upgrade, before any echo; none by default.
    ///   - port: a fixed port; a free one by default.
    package static func start(
        id: String? = nil,
        deflate: Bool = false,
        tls: PeerTLS? = nil,
        subprotocols: [String] = [],
        idleClose: Duration? = nil,
        closeAfter: Duration? = nil,
        closeCode: Int = 1012,
        closeLimit: Int? = nil,
        greeting: String? = nil,
        port: Int? = nil
    ) async throws -> PythonWebSocketServer {
        var extra: [String] = greeting.map { ["--greeting", $0] } ?? []
        if let closeAfter {
            extra += ["--close-after", String(Self.seconds(closeAfter)), "--close-code", String(closeCode)]
            if let closeLimit { extra += ["--close-limit", String(closeLimit)] }
        }
        // A free port can be taken by another process between our probe and Python's bind; on a loaded machine
        // that happens now and then, so a server on a port of our choosing is retried on a fresh port.
        var attempt = 1
        while true {
            do {
                return try await self.startOnce(
                    id: id,
                    deflate: deflate,
                    tls: tls,
                    subprotocols: subprotocols,
                    idleClose: idleClose,
                    extra: extra,
                    port: try port ?? LoopbackPort.free()
                )
            } catch {
                guard port == nil, attempt < 3 else { throw error }
                attempt += 1
            }
        }
    }

    private static func startOnce(
        id: String?,
        deflate: Bool,
        tls: PeerTLS?,
        subprotocols: [String],
        idleClose: Duration?,
        extra: [String],
        port: Int
    ) async throws -> PythonWebSocketServer {
        var arguments = [try PeerFiles.script("ws_server.py"), "--port", String(port)]
        if let id { arguments += ["--id", id] }
        if deflate { arguments.append("--deflate") }
        if let tls {
            arguments += ["--tls-cert", tls.certificate, "--tls-key", tls.key]
            if let clientCA = tls.clientCA { arguments += ["--client-ca", clientCA] }
        }
        if !subprotocols.isEmpty { arguments += ["--subprotocols", subprotocols.joined(separator: ",")] }
        if let idleClose { arguments += ["--idle-close", String(Self.seconds(idleClose))] }
        arguments += extra
        let process = try PeerProcess.launch(
            name: "ws_server.py\(id.map { " --id \($0)" } ?? "")",
            executable: try PeerFiles.python(),
            arguments: ["-u"] + arguments
        )
        do {
            try await process.waitUntilListening(ports: [port])
        } catch {
            process.stop()
            throw error
        }
        return PythonWebSocketServer(port: port, id: id, usesTLS: tls != nil, process: process)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Stops the server (idempotent).
    package func stop() {
        process.stop()
    }
}
