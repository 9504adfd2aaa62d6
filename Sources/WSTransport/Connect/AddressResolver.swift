package import NIOCore
package import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a host name to every address `getaddrinfo` returns, off the event loop.
///
/// NIO's bootstrap resolves internally and hides the time it took; wsprobe resolves first so DNS gets its own
/// phase timing and the report can list every address the name resolved to.
package enum AddressResolver {
    /// Resolves `host` for TCP on `port`. IP literals resolve without a lookup.
    /// - Returns: the addresses in the order getaddrinfo gave them (deduplicated).
    /// - Throws: `ConnectError.dns` when the lookup fails or yields nothing.
    package static func resolve(
        host: String,
        port: Int,
        on eventLoop: any EventLoop,
        threadPool: NIOThreadPool = .singleton
    ) -> EventLoopFuture<[SocketAddress]> {
        if let literal = try? SocketAddress(ipAddress: host, port: port) {
            return eventLoop.makeSucceededFuture([literal])
        }
        return threadPool.runIfActive(eventLoop: eventLoop) {
            try Self.blockingResolve(host: host, port: port)
        }
    }

    static func blockingResolve(host: String, port: Int) throws(ConnectError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0 else {
            let reason = gai_strerror(status).map { String(cString: $0) } ?? "error \(status)"
            throw .dns(host: host, reason: reason)
        }
        defer { freeaddrinfo(result) }
        var addresses: [SocketAddress] = []
        var cursor = result
        while let info = cursor?.pointee {
            if let address = Self.socketAddress(from: info, host: host), !addresses.contains(address) {
                addresses.append(address)
            }
            cursor = info.ai_next
        }
        guard !addresses.isEmpty else { throw .dns(host: host, reason: "no IPv4 or IPv6 address") }
        return addresses
    }

    private static func socketAddress(from info: addrinfo, host: String) -> SocketAddress? {
        guard let raw = info.ai_addr else { return nil }
        switch info.ai_family {
        case AF_INET:
            return raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee, host: host) }
        case AF_INET6:
            return raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee, host: host) }
        default:
            return nil
        }
    }
}
