import ResultCodes
import Scenario
import WSProtocol

extension ConnectionOptions {
    /// The TLS flags given, by their spelling: on a ws:// URL each one is a usage error rather than ignored.
    var tlsFlagsGiven: [String] {
        [
            self.cacert != nil ? "--cacert" : nil, self.cert != nil ? "--cert" : nil, self.key != nil ? "--key" : nil,
            self.insecure ? "--insecure" : nil, self.tlsMinimum != nil ? "--tls-min" : nil,
        ].compactMap { $0 }
    }

    /// The `-H` headers, each a token name and a value without CR, LF or NUL.
    /// - Throws: `CommandFailure` with status 2 (`usage.header`) naming the header.
    func parsedHeaders() throws(CommandFailure) -> HTTPHeaderFields {
        var fields = HTTPHeaderFields()
        for header in self.headers {
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw Self.usage(.usageHeader, "-H '\(header.escapingControls)' is not 'Name: value'.")
            }
            let name = header[..<colon].trimmingHTTPWhitespace()
            let value = header[header.index(after: colon)...].trimmingHTTPWhitespace()
            guard name.isHTTPToken else {
                throw Self.usage(.usageHeader, "-H '\(header.escapingControls)': the name is not an HTTP token.")
            }
            guard Self.isFieldValue(value) else {
                throw Self.usage(.usageHeader, "-H '\(header.escapingControls)': the value contains CR, LF or NUL.")
            }
            fields.append(name: String(name), value: String(value))
        }
        return fields
    }

    /// The `--origin` value, refused when it contains CR, LF or NUL.
    func checkedOrigin() throws(CommandFailure) -> String? {
        guard let origin = self.origin else { return nil }
        guard Self.isFieldValue(origin) else {
            throw Self.usage(.usageOrigin, "--origin '\(origin.escapingControls)' contains CR, LF or NUL.")
        }
        return origin
    }

    /// The `--subprotocol` values, each an HTTP token (RFC 6455 §4.1 item 10).
    func checkedSubprotocols() throws(CommandFailure) -> [String] {
        for subprotocol in self.subprotocols where !subprotocol.isHTTPToken {
            throw Self.usage(
                .usageSubprotocol,
                "--subprotocol '\(subprotocol.escapingControls)' is not an HTTP token (no spaces, commas or line breaks)."
            )
        }
        return self.subprotocols
    }

    private static func isFieldValue(_ value: some StringProtocol) -> Bool {
        !value.utf8.contains { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0 }
    }

    static func usage(_ code: ErrorCode, _ message: String) -> CommandFailure {
        CommandFailure(status: .invalidInput, code: code, message: message)
    }
}
