import SecretRedaction

/// The head of an HTTP/1.1 request or response: the start line and the header fields.
///
/// Heads stored in a result are redacted on construction and on decoding (``init(startLine:headers:)``), so
/// a credential can never reach a report through a sample, nor through a report read by `merge` or `report`.
package struct HTTPHead: Sendable, Hashable, Codable {
    /// `GET /chat HTTP/1.1` or `HTTP/1.1 101 Switching Protocols`.
    package var startLine: String
    /// Header fields in wire order, sensitive values redacted.
    package var headers: [HeaderField]

    /// A head with sensitive header values replaced by ``Redaction/marker``.
    package init(startLine: String, headers: [HeaderField]) {
        self.startLine = Redaction.redact(text: startLine)
        self.headers = headers.map(\.redacted)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            startLine: try container.decode(String.self, forKey: .startLine),
            headers: try container.decode([HeaderField].self, forKey: .headers)
        )
    }

    /// The head as it appeared on the wire (CRLF replaced by newlines), for display.
    package var text: String {
        ([self.startLine] + self.headers.map { "\($0.name): \($0.value)" }).joined(separator: "\n")
    }
}
