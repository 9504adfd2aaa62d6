extension ScenarioDecoder {
    /// Name/value pairs that go into the request head (`headers`, `cookies`): names must be HTTP tokens and
    /// values free of CR, LF and NUL, which would split the head; each problem is an error at its position.
    func requestFields(_ fields: Fields, _ key: String) -> [KeyValue]? {
        guard let node = fields[key], let values = fields.keyValues(key) else { return nil }
        guard case .mapping(let entries) = node.kind else { return values }
        for entry in entries {
            if let name = entry.key.scalar, !Self.isHTTPToken(name) {
                context.error(
                    .httpToken,
                    "'\(fields.path(key))' names '\(name.escapingControls)', which is not an HTTP token "
                        + "(no spaces, colons or line breaks)",
                    at: entry.key.position
                )
            }
            if let value = entry.value.scalar,
                value.unicodeScalars.contains(where: { "\r\n\0".unicodeScalars.contains($0) })
            {
                context.error(
                    .httpToken,
                    "'\(fields.path(key)).\(entry.key.scalar ?? "")' contains CR, LF or NUL, which would split "
                        + "the request head",
                    at: entry.value.position
                )
            }
        }
        return values
    }

    /// The offered subprotocols, each an HTTP token (RFC 6455 §4.1 item 10).
    func subprotocols(_ fields: Fields) -> [String]? {
        guard let node = fields["subprotocols"], let names = fields.stringList("subprotocols") else { return nil }
        for name in names where !Self.isHTTPToken(name) {
            context.error(
                .httpToken,
                "'target.subprotocols' offers '\(name.escapingControls)', which is not an HTTP token "
                    + "(no spaces, commas or line breaks)",
                at: node.position
            )
        }
        return names
    }
}

extension StringProtocol {
    /// The text with control characters written as `\r`, `\n`, `\t` or `\u{…}`, so an error message quoting
    /// user input stays on one line.
    package var escapingControls: String {
        var result = ""
        for scalar in self.unicodeScalars {
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
