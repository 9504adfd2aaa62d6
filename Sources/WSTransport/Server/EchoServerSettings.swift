import WSProtocol

/// What every connection of one `EchoServer` shares: the configuration and values derived from it once.
struct EchoServerSettings: Sendable {
    /// The configuration as given.
    let configuration: EchoServerConfiguration
    /// The identity header, added to the 101 and to every HTTP answer.
    let identityHeaders: HTTPHeaderFields

    init(configuration: EchoServerConfiguration) {
        self.configuration = configuration
        self.identityHeaders = [configuration.identityHeaderName: configuration.identity]
    }
}
