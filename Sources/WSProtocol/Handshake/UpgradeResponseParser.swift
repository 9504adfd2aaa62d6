package import NIOCore

/// An incremental parser for the HTTP/1.1 response head that answers an upgrade request.
///
/// Feed it the connection's cumulative inbound buffer after every read: it consumes nothing until the head
/// is complete, then consumes exactly the head, so any bytes after it (the first WebSocket frames, or the
/// start of an error body) stay in the buffer (RFC 6455 §4.1: data after the head belongs to the frame
/// stream). A head larger than `headLimit` fails, so a peer cannot make the client buffer without bound.
package struct UpgradeResponseParser {
    /// The default head limit: 16 KiB, the common default of proxies (nginx's large header buffers are
    /// 8 KiB per line) and far above any real 101 response, which is a few hundred bytes.
    package static let defaultHeadLimit = 16 * 1024

    private var reader: HTTPHeadReader

    /// A parser that accepts heads of at most `headLimit` bytes, final empty line included.
    package init(headLimit: Int = UpgradeResponseParser.defaultHeadLimit) {
        precondition(headLimit > 0, "the head limit must be positive")
        self.reader = HTTPHeadReader(limit: headLimit)
    }

    /// The configured head limit.
    package var headLimit: Int { self.reader.limit }

    /// Looks for a complete response head in `buffer`.
    ///
    /// - Returns: the head once complete (its bytes consumed from `buffer`), or nil when more bytes are
    ///   needed (nothing consumed; append the next read to the same buffer and call again).
    /// - Throws: `.responseHeadTooLarge` or `.malformedResponse`.
    package mutating func parse(_ buffer: inout ByteBuffer) throws(HandshakeError) -> UpgradeResponseHead? {
        switch self.reader.scan(buffer) {
        case .incomplete:
            return nil
        case .tooLarge:
            throw .responseHeadTooLarge(limit: self.reader.limit)
        case .complete(let length):
            let bytes = buffer.readBytes(length: length) ?? []
            return try Self.parseHead(bytes)
        }
    }

    private static func parseHead(_ bytes: [UInt8]) throws(HandshakeError) -> UpgradeResponseHead {
        let (startLine, headers): (String, HTTPHeaderFields)
        switch HTTPHeadReader.split(bytes) {
        case .success(let parts): (startLine, headers) = parts
        case .failure(let malformed): throw .malformedResponse(reason: malformed.reason)
        }
        // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
        let parts = startLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        let quoted = "'\(startLine.prefix(80))'"
        guard parts.count >= 2, HTTPHeadReader.parseVersion(parts[0]) != nil else {
            throw .malformedResponse(reason: "the status line \(quoted) does not start with an HTTP version")
        }
        let code = parts[1]
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let status = Int(code), status >= 100
        else {
            throw .malformedResponse(reason: "the status line \(quoted) has no three-digit status code")
        }
        let reason = parts.count == 3 ? String(parts[2].trimmingHTTPWhitespace()) : ""
        return UpgradeResponseHead(version: String(parts[0]), status: status, reason: reason, headers: headers)
    }
}
