/// curl-style `--resolve host:port:address` entries: dial `address` for `host:port` while keeping the `Host`
/// header and SNI, so one load-balancer node can be checked behind a DNS name.
///
/// The entry is one type, Scenario's `ResolveOverride` (the model of `target.resolve`). This module takes its
/// three values, not a type of its own: WSTransport sits below Scenario and must not depend on it, Scenario
/// must not import NIO, and a shared module for one three-field value would be a layer of its own. So
/// `ConnectOptions.resolve` holds plain `(host, port, address)` tuples that callers fill from either source.
extension ConnectOptions {
    /// One `--resolve` entry: the host and port of a URL, and the IP literal (without brackets) to dial for them.
    package typealias ResolveEntry = (host: String, port: Int, address: String)

    /// Parses `host:port:address`; the address may be an IPv6 literal, with or without brackets. Whether it is
    /// an IP literal at all is checked when it is dialled.
    /// - Throws: `ConnectError.invalidResolve` naming the problem.
    package static func parseResolve(_ text: String) throws(ConnectError) -> ResolveEntry {
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
        return (host: String(parts[0]), port: port, address: address)
    }

    /// The first `resolve` entry for `host` (compared case-insensitively) and `port`, if any.
    package func resolveEntry(host: String, port: Int) -> ResolveEntry? {
        self.resolve.first { $0.port == port && $0.host.lowercased() == host.lowercased() }
    }
}
