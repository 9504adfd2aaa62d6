import Foundation
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

    /// A TCP port on 127.0.0.1 that was free a moment ago, for a peer that binds it itself.
    ///
    /// Ports come from just below the kernel's ephemeral range (`ip_local_port_range`), where nothing that
    /// binds port 0 and no outgoing connection's source port can land: a server of another test bound to
    /// port 0 cannot take the port between this probe and the peer's bind (the peer would then fail to bind
    /// while the other server answers in its place). A port is never handed out twice in one test process.
    /// Where the range leaves no room below it, an ephemeral port is used.
    package static func free() throws -> Int {
        let candidates = self.portsBelowEphemeralRange()
        for _ in 0..<64 {
            let port: Int
            if let candidates {
                guard let candidate = candidates.randomElement(), canBind(candidate) else { continue }
                port = candidate
            } else {
                port = try bindEphemeral()
            }
            let isNew = handedOut.withLock { ports in ports.insert(port).inserted }
            if isNew { return port }
        }
        throw PeerError.socket(operation: "no free loopback port found for a test peer", errno: 0)
    }

    /// 8,192 ports ending just below the ephemeral range, or nil when that would reach below 1024.
    private static func portsBelowEphemeralRange() -> ClosedRange<Int>? {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let bounds = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        let low = bounds.first ?? 32768
        guard low - 8192 >= 1024 else { return nil }
        return (low - 8192)...(low - 1)
    }

    /// Whether something accepts TCP connections on 127.0.0.1:port right now.
    package static func isAccepting(_ port: Int) -> Bool {
        guard let descriptor = try? LoopbackSocket.makeTCP() else { return false }
        defer { LoopbackSocket.close(descriptor) }
        return LoopbackSocket.connect(descriptor, port: port) == 0
    }

    /// Whether 127.0.0.1:port can be bound right now.
    private static func canBind(_ port: Int) -> Bool {
        guard let descriptor = try? LoopbackSocket.makeTCP() else { return false }
        defer { LoopbackSocket.close(descriptor) }
        var address = LoopbackSocket.address(port: port)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return bound == 0
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
