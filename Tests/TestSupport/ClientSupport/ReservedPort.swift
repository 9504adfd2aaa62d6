#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP port on 127.0.0.1 held bound but not listening, for tests that need a connection refused.
///
/// Dialling a port that was merely free a moment ago (`LoopbackPort.free()`) can reach a server that another
/// test in the same process bound meanwhile; while this socket holds the port nobody else can bind it, and a
/// connection to it is answered with a reset (ECONNREFUSED). Released on deinit.
package final class ReservedPort: Sendable {
    /// The port number.
    package let port: Int
    private let descriptor: Int32

    /// Binds 127.0.0.1:0 without listening.
    /// - Throws: `PeerError.socket` when the socket cannot be made or bound.
    package init() throws {
        let descriptor = try LoopbackSocket.makeTCP()
        var address = LoopbackSocket.address(port: 0)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named =
            bound == 0
            ? withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    getsockname(descriptor, socketAddress, &length)
                }
            } : -1
        guard named == 0 else {
            let code = errno
            LoopbackSocket.close(descriptor)
            throw PeerError.socket(operation: "bind(127.0.0.1:0) without listen", errno: code)
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        LoopbackSocket.close(self.descriptor)
    }
}
