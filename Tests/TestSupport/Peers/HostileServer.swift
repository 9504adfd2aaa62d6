/// The hostile raw-socket server (`Tests/Peers/hostile_server.py`) on 127.0.0.1: one canned,
/// deliberately wrong answer per handshake failure class, chosen by the request path
/// (see `HostileRoute`). Any other path gets 404 "unknown hostile path".
package final class HostileServer: Sendable {
    /// The TCP port on 127.0.0.1.
    package let port: Int
    /// The running process.
    package let process: PeerProcess

    private init(port: Int, process: PeerProcess) {
        self.port = port
        self.process = process
    }

    /// `ws://127.0.0.1:PORT` followed by the route's path.
    package func url(_ route: HostileRoute) -> String {
        "ws://127.0.0.1:\(port)\(route.path)"
    }

    /// Starts the server and waits until it accepts connections.
    ///
    /// - Parameter port: a fixed port; a free one by default.
    package static func start(port: Int? = nil) async throws -> HostileServer {
        let port = try port ?? LoopbackPort.free()
        let process = try PeerProcess.launch(
            name: "hostile_server.py",
            executable: try PeerFiles.python(),
            arguments: ["-u", try PeerFiles.script("hostile_server.py"), "--port", String(port)]
        )
        do {
            try await process.waitUntilListening(ports: [port])
        } catch {
            process.stop()
            throw error
        }
        return HostileServer(port: port, process: process)
    }

    /// Stops the server (idempotent).
    package func stop() {
        process.stop()
    }
}
