import WSProtocol

extension EchoServerConfiguration {
    /// Checks the values a server cannot run with; `EchoServer.start` calls it before binding.
    /// - Throws: `EchoServerError.configuration` naming the value.
    package func validate() throws(EchoServerError) {
        guard (0...65535).contains(self.port) else {
            throw .configuration("port \(self.port) is not between 0 and 65535")
        }
        guard self.headLimit > 0, self.backlog > 0 else {
            throw .configuration("the head limit and backlog must be positive")
        }
        if let limit = self.maxConnections, limit < 1 {
            throw .configuration("the connection limit must be at least 1")
        }
        if let status = self.misbehaviour.rejectWith?.status, !(200...599).contains(status) {
            throw .configuration("the rejection status \(status) is not an HTTP status from 200 to 599")
        }
        for code in [self.misbehaviour.closeWith, self.misbehaviour.idleCloseCode].compactMap(\.self)
        where !code.isAllowedOnWire {
            throw .configuration("close code \(code.rawValue) may not be sent (RFC 6455 §7.4)")
        }
        // RFC 9110 §5.1: a field name is a token; the value is written on the header line as is.
        guard !self.identityHeaderName.isEmpty, self.identityHeaderName.allSatisfy(\.isHTTPTokenCharacter),
            !self.identity.contains(where: \.isNewline)
        else {
            throw .configuration("the identity header name must be an HTTP token and the identity one line")
        }
    }
}

extension Character {
    /// RFC 9110 §5.6.2 tchar.
    fileprivate var isHTTPTokenCharacter: Bool {
        guard let ascii = self.asciiValue else { return false }
        return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
            || "!#$%&'*+-.^_`|~".contains(self)
    }
}
