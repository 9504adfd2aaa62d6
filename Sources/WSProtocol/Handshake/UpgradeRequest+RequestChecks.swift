extension UpgradeRequest {
    /// Refuses values that cannot appear in an HTTP/1.1 request head.
    func checkRequest() throws(HandshakeError) {
        guard !self.host.isEmpty, self.host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") })
        else {
            throw .invalidRequest(reason: "the host '\(self.host)' is empty or contains spaces or control characters")
        }
        guard (1...65535).contains(self.port) else {
            throw .invalidRequest(reason: "the port \(self.port) is outside 1-65535")
        }
        guard self.target.hasPrefix("/"), self.target.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            throw .invalidRequest(
                reason: "the path '\(self.target)' must start with '/' and contain no spaces or control characters "
                    + "(percent-encode them)"
            )
        }
        for field in self.headers {
            guard field.name.isHTTPToken else {
                throw .invalidRequest(reason: "the header name '\(field.name)' is not an HTTP token")
            }
            guard Self.isFieldValue(field.value) else {
                throw .invalidRequest(reason: "the value of header '\(field.name)' contains CR, LF or NUL")
            }
        }
        if let origin = self.origin, !Self.isFieldValue(origin) {
            throw .invalidRequest(reason: "the origin contains CR, LF or NUL")
        }
        for subprotocol in self.subprotocols where !subprotocol.isHTTPToken {
            throw .invalidRequest(
                reason: "the subprotocol '\(subprotocol)' is not an HTTP token (RFC 6455 §4.1 item 10)"
            )
        }
        for element in self.extensions {
            guard element.name.isHTTPToken, element.parameters.allSatisfy({ $0.name.isHTTPToken }) else {
                throw .invalidRequest(reason: "the extension offer '\(element.name)' has a name that is not a token")
            }
        }
        guard self.method.isHTTPToken else {
            throw .invalidRequest(reason: "the method '\(self.method)' is not an HTTP token (RFC 9110 §9.1)")
        }
        guard Self.isUpgradeProtocol(self.upgrade) else {
            throw .invalidRequest(
                reason: "the Upgrade value '\(self.upgrade)' is not a protocol such as websocket (RFC 9110 §7.8)"
            )
        }
        guard AcceptKey.isValidKey(self.key) else {
            throw .invalidRequest(reason: "the key '\(self.key)' is not base64 of 16 bytes (RFC 6455 §4.1 item 7)")
        }
    }

    /// `protocol-name ["/" protocol-version]`, both tokens (RFC 9110 §7.8).
    package static func isUpgradeProtocol(_ value: String) -> Bool {
        let parts = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy(\.isHTTPToken)
    }

    private static func isFieldValue(_ value: String) -> Bool {
        !value.utf8.contains { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0 }
    }
}
