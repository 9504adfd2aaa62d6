import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loopback TCP ports for test peers: every peer binds 127.0.0.1 only.
package enum LoopbackPort {
    /// Ports handed out in this test process, so that two peers never get the same one.
    private static let handedOut = Mutex<Set<Int>>([])

    /// A TCP port on 127.0.0.1 that was free a moment ago: bound with port 0, read back and released.
    ///
    /// A port is never handed out twice in one test process. Another process may still take it
    /// before the peer binds it; the peer then fails to start with a clear error.
    package static func free() throws -> Int {
        for _ in 0..<32 {
            let port = try bindEphemeral()
            let isNew = handedOut.withLock { ports in ports.insert(port).inserted }
            if isNew { return port }
        }
        throw PeerError.socket(operation: "bind(127.0.0.1:0) kept returning used ports", errno: 0)
    }

    /// Whether something accepts TCP connections on 127.0.0.1:port right now.
    package static func isAccepting(_ port: Int) -> Bool {
        guard let descriptor = try? LoopbackSocket.makeTCP() else { return false }
        defer { LoopbackSocket.close(descriptor) }
        return LoopbackSocket.connect(descriptor, port: port) == 0
    }

    private static func bindEphemeral() throws -> Int {
        let descriptor = try LoopbackSocket.makeTCP()
        defer { LoopbackSocket.close(descriptor) }
        var address = LoopbackSocket.address(port: 0)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw PeerError.socket(operation: "bind(127.0.0.1:0)", errno: errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                getsockname(descriptor, socketAddress, &length)
            }
        }
        guard named == 0 else { throw PeerError.socket(operation: "getsockname", errno: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
