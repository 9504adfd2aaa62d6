/// A curl-style `host:port:address` entry: connect to `address` when the URL names `host:port`.
///
/// The one definition of a resolve entry; WSTransport, below this module, takes its values as a plain
/// `ConnectOptions.ResolveEntry` tuple (see there why).
package struct ResolveOverride: Sendable, Hashable {
    package var host: String
    package var port: Int
    /// An IPv4 or IPv6 literal (without brackets).
    package var address: String

    package init(host: String, port: Int, address: String) {
        self.host = host
        self.port = port
        self.address = address
    }
}
