#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin POSIX helpers for IPv4 loopback (127.0.0.1) stream sockets, shared by the peer launcher and
/// the raw test connections.
enum LoopbackSocket {
    /// A new TCP socket, close-on-exec so that peer processes never inherit it.
    static func makeTCP() throws -> Int32 {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw PeerError.socket(operation: "socket", errno: errno) }
        return descriptor
    }

    /// `sockaddr_in` for 127.0.0.1 and a port (0 lets the kernel choose).
    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return address
    }

    /// Connects a socket to 127.0.0.1:port; returns errno on failure, 0 on success.
    static func connect(_ descriptor: Int32, port: Int) -> Int32 {
        var address = address(port: port)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                #if canImport(Glibc)
                    Glibc.connect(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                    Darwin.connect(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        return result == 0 ? 0 : errno
    }

    /// Sets the receive and send timeouts of a blocking socket.
    static func setTimeouts(_ descriptor: Int32, seconds: Double) {
        let whole = Int(seconds)
        var value = timeval()
        value.tv_sec = .init(whole)
        value.tv_usec = .init(Int((seconds - Double(whole)) * 1_000_000))
        let size = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, size)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, size)
    }

    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
}
