import Foundation

/// An HTTP/1.x response as read off a raw socket by a test: status line, headers, body.
package struct RawHTTPResponse: Sendable {
    /// The first line, e.g. `HTTP/1.1 101 Switching Protocols`.
    package var statusLine: String
    /// The status code from the status line.
    package var status: Int
    /// Header fields in order, names as sent.
    package var headers: [(name: String, value: String)]
    /// The body bytes read (by `Content-Length`, or up to the close for HTTP/1.0 and `Connection: close`).
    package var body: [UInt8]

    /// The body as UTF-8 text.
    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first value of a header, compared case-insensitively.
    package func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The backend identity from `X-Wsprobe-Target`, if present.
    package var identity: String? { header(PeerIdentity.headerName) }

    /// Parses a response head (everything before the blank line, without it).
    ///
    /// - Throws: `PeerError.malformedResponse` when the first line is not `HTTP/x.y NNN ...`.
    package init(head: String, body: [UInt8] = []) throws {
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw PeerError.malformedResponse(head)
        }
        self.statusLine = statusLine
        self.status = status
        self.headers = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return (String(line[..<colon]), value)
        }
        self.body = body
    }
}
