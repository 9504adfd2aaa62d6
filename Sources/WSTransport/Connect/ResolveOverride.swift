/// A curl-style `--resolve host:port:address` entry: dial `address` for `host:port` while keeping the
/// `Host` header and SNI, so one load-balancer node can be checked behind a DNS name.
package struct ResolveOverride: Sendable, Equatable {
    package var host: String
    package var port: Int
    package var address: String

    package init(host: String, port: Int, address: String) {
        self.host = host
        self.port = port
        self.address = address
    }

    /// Parses `host:port:address`; the address may be an IPv6 literal, with or without brackets.
    /// - Throws: `ConnectError.invalidResolve` naming the problem.
    package init(parsing text: String) throws(ConnectError) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[2].isEmpty else {
            throw .invalidResolve(text, reason: "expected host:port:address")
        }
        guard let port = Int(parts[1]), (1...65_535).contains(port) else {
            throw .invalidResolve(text, reason: "the port '\(parts[1])' is not a number from 1 to 65535")
        }
        var address = String(parts[2])
        if address.hasPrefix("["), address.hasSuffix("]") {
            address = String(address.dropFirst().dropLast())
        }
        self.init(host: String(parts[0]), port: port, address: address)
    }

    /// True when this entry applies to the given host and port (host compared case-insensitively).
    package func matches(host: String, port: Int) -> Bool {
        self.port == port && self.host.lowercased() == host.lowercased()
    }
}
