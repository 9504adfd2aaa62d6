package import NIOCore

/// An incremental parser for the HTTP/1.1 request head of an opening handshake (server role).
///
/// Feed it the connection's cumulative inbound buffer after every read: it consumes nothing until the head
/// is complete, then exactly the head, so a client's first frames sent right behind it stay in the buffer.
package struct UpgradeRequestParser {
    /// The default head limit: 16 KiB, as for responses; real upgrade requests with cookies stay well below.
    package static let defaultHeadLimit = 16 * 1024

    private var reader: HTTPHeadReader

    /// A parser that accepts heads of at most `headLimit` bytes, final empty line included.
    package init(headLimit: Int = UpgradeRequestParser.defaultHeadLimit) {
        precondition(headLimit > 0, "the head limit must be positive")
        self.reader = HTTPHeadReader(limit: headLimit)
    }

    /// Looks for a complete request head in `buffer`.
    ///
    /// - Returns: the head once complete (its bytes consumed), or nil when more bytes are needed.
    /// - Throws: `.headTooLarge` or `.malformed`, each of which maps to an HTTP error answer.
    package mutating func parse(_ buffer: inout ByteBuffer) throws(UpgradeRequestError) -> UpgradeRequestHead? {
        switch self.reader.scan(buffer) {
        case .incomplete:
            return nil
        case .tooLarge:
            throw .headTooLarge(limit: self.reader.limit)
        case .complete(let length):
            let bytes = buffer.readBytes(length: length) ?? []
            return try Self.parseHead(bytes)
        }
    }

    private static func parseHead(_ bytes: [UInt8]) throws(UpgradeRequestError) -> UpgradeRequestHead {
        let (startLine, headers): (String, HTTPHeaderFields)
        switch HTTPHeadReader.split(bytes) {
        case .success(let parts): (startLine, headers) = parts
        case .failure(let malformed): throw .malformed(reason: malformed.reason)
        }
        // RFC 9112 §3: request-line = method SP request-target SP HTTP-version
        let parts = startLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isHTTPToken, !parts[1].isEmpty,
            HTTPHeadReader.parseVersion(parts[2]) != nil
        else {
            throw .malformed(reason: "the request line '\(startLine.prefix(80))' is not 'METHOD target HTTP/x.y'")
        }
        return UpgradeRequestHead(
            method: String(parts[0]),
            target: String(parts[1]),
            version: String(parts[2]),
            headers: headers
        )
    }
}
