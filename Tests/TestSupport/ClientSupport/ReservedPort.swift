#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP port on 127.0.0.1 held bound but not listening, for tests that need a connection refused.
///
/// Dialling a port that was merely free a moment ago can reach a server that another test in the same process
/// bound meanwhile; while this socket holds the port nobody else can bind it, and a connection to it is answered
/// with a reset (ECONNREFUSED). The port comes from `LoopbackPort.free()`, so no test peer is handed it later.
/// Released on deinit.
package final class ReservedPort: Sendable {
    /// The port number.
    package let port: Int
    private let descriptor: Int32

    /// Binds a fresh loopback port without listening.
    /// - Throws: `PeerError.socket` when no port could be bound.
    package init() throws {
        var lastErrno: Int32 = 0
        for _ in 0..<8 {
            let port = try LoopbackPort.free()
            let descriptor = try LoopbackSocket.makeTCP()
            var address = LoopbackSocket.address(port: port)
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    bind(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if bound == 0 {
                self.descriptor = descriptor
                self.port = port
                return
            }
            lastErrno = errno
            LoopbackSocket.close(descriptor)
        }
        throw PeerError.socket(operation: "bind(127.0.0.1:<free port>) without listen", errno: lastErrno)
    }

    deinit {
        LoopbackSocket.close(self.descriptor)
    }
}
