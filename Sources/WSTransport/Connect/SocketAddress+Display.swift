package import NIOCore

extension SocketAddress {
    /// `127.0.0.1:8080` or `[::1]:8080`: how addresses appear in every wsprobe output.
    package var displayText: String {
        let ip = self.ipAddress ?? "\(self)"
        let port = self.port.map { ":\($0)" } ?? ""
        return ip.contains(":") ? "[\(ip)]\(port)" : "\(ip)\(port)"
    }
}
