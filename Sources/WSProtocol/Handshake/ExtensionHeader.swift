/// Parsing and formatting of `Sec-WebSocket-Extensions` values by the RFC 6455 §9.1 grammar.
///
/// ```
/// extension-list = 1#extension
/// extension      = extension-token *( ";" extension-param )
/// extension-param = token [ "=" (token | quoted-string) ]
/// ```
/// A quoted value must itself be a token once unescaped (§9.1). Whitespace is allowed around every
/// separator, and empty list elements are skipped as RFC 9110 §5.6.1 asks of recipients.
package enum ExtensionHeader {
    /// Why a header value does not follow the grammar.
    package struct SyntaxError: Error, Equatable, Sendable {
        /// What was wrong, for a person.
        package var reason: String
    }

    /// The extensions listed in `value`, in order.
    /// - Throws: `SyntaxError` when the value is empty or breaks the grammar anywhere.
    package static func parse(_ value: String) throws(SyntaxError) -> [WebSocketExtension] {
        var scanner = Scanner(bytes: Array(value.utf8))
        var extensions: [WebSocketExtension] = []
        while true {
            scanner.skipWhitespace()
            if scanner.atEnd { break }
            if scanner.consume(UInt8(ascii: ",")) { continue }
            let name = try scanner.token(what: "an extension name")
            var element = WebSocketExtension(name: name)
            scanner.skipWhitespace()
            while scanner.consume(UInt8(ascii: ";")) {
                scanner.skipWhitespace()
                let parameterName = try scanner.token(what: "a parameter name after ';'")
                scanner.skipWhitespace()
                var parameterValue: String?
                if scanner.consume(UInt8(ascii: "=")) {
                    scanner.skipWhitespace()
                    parameterValue = try scanner.parameterValue(of: parameterName)
                    scanner.skipWhitespace()
                }
                element.parameters.append(.init(name: parameterName, value: parameterValue))
            }
            extensions.append(element)
            if scanner.atEnd { break }
            guard scanner.consume(UInt8(ascii: ",")) else {
                throw SyntaxError(reason: "unexpected \(scanner.describeCurrent()) after extension '\(name)'")
            }
        }
        guard !extensions.isEmpty else {
            throw SyntaxError(reason: "the value lists no extension")
        }
        return extensions
    }

    /// The extensions as one header value, e.g. `permessage-deflate; client_max_window_bits, x-foo`.
    ///
    /// Values that are tokens are written bare; anything else is written as a quoted-string.
    package static func format(_ extensions: [WebSocketExtension]) -> String {
        extensions.map { element in
            var text = element.name
            for parameter in element.parameters {
                text += "; " + parameter.name
                if let value = parameter.value {
                    text += "=" + (value.isHTTPToken ? value : Self.quoted(value))
                }
            }
            return text
        }.joined(separator: ", ")
    }

    private static func quoted(_ value: String) -> String {
        var text = "\""
        for character in value {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }
}

extension ExtensionHeader {
    /// A cursor over the header bytes.
    fileprivate struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { self.index == self.bytes.count }

        mutating func skipWhitespace() {
            while self.index < self.bytes.count, self.bytes[self.index].isHTTPWhitespace { self.index += 1 }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard self.index < self.bytes.count, self.bytes[self.index] == byte else { return false }
            self.index += 1
            return true
        }

        func describeCurrent() -> String {
            guard self.index < self.bytes.count else { return "end of value" }
            let character = String(decoding: [self.bytes[self.index]], as: UTF8.self)
            return "'\(character)' at offset \(self.index)"
        }

        mutating func token(what: String) throws(SyntaxError) -> String {
            let start = self.index
            while self.index < self.bytes.count, self.bytes[self.index].isHTTPTokenCharacter { self.index += 1 }
            guard self.index > start else {
                throw SyntaxError(reason: "expected \(what) but found \(self.describeCurrent())")
            }
            return String(decoding: self.bytes[start..<self.index], as: UTF8.self)
        }

        mutating func parameterValue(of name: String) throws(SyntaxError) -> String {
            guard self.consume(UInt8(ascii: "\"")) else {
                return try self.token(what: "a value for '\(name)'")
            }
            var value: [UInt8] = []
            while self.index < self.bytes.count {
                let byte = self.bytes[self.index]
                self.index += 1
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: value, as: UTF8.self)
                    // RFC 6455 §9.1: the unescaped quoted-string must conform to the token ABNF.
                    guard text.isHTTPToken else {
                        throw SyntaxError(reason: "the quoted value of '\(name)' is not a token once unquoted")
                    }
                    return text
                }
                if byte == UInt8(ascii: "\\") {
                    guard self.index < self.bytes.count else { break }
                    value.append(self.bytes[self.index])
                    self.index += 1
                } else {
                    value.append(byte)
                }
            }
            throw SyntaxError(reason: "the quoted value of '\(name)' is not closed")
        }
    }
}
