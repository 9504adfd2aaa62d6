import NIOCore

/// Finds the end of an HTTP/1.1 message head in a cumulative buffer and splits it into lines.
///
/// Shared by the response parser (client role) and the request parser (server role). It never consumes
/// bytes until the whole head is present, and it remembers how far it has scanned so that feeding a head
/// one byte at a time stays linear.
struct HTTPHeadReader {
    /// The outcome of one scan.
    enum Scan {
        /// The head is not complete yet.
        case incomplete
        /// The head, including its terminating empty line, is this many bytes long.
        case complete(length: Int)
        /// The first `limit` bytes hold no complete head.
        case tooLarge
    }

    /// The maximum head size in bytes, terminating empty line included.
    let limit: Int
    /// Bytes past the reader index already scanned.
    private var scanned = 0
    /// Bytes other than CR seen on the current line.
    private var lineLength = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Scans the new bytes of `buffer` for the empty line that ends the head (RFC 9112 §2.1).
    ///
    /// A bare LF is accepted as a line end as RFC 9112 §2.2 allows a recipient to do.
    mutating func scan(_ buffer: ByteBuffer) -> Scan {
        if self.scanned > buffer.readableBytes {
            // A different (shorter) buffer than last time: start over rather than skip bytes.
            self.scanned = 0
            self.lineLength = 0
        }
        let available = min(buffer.readableBytes, self.limit)
        var found: Int?
        buffer.withUnsafeReadableBytes { bytes in
            var index = self.scanned
            while index < available {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\n") {
                    if self.lineLength == 0 {
                        found = index
                        break
                    }
                    self.lineLength = 0
                } else if byte != UInt8(ascii: "\r") {
                    self.lineLength += 1
                }
            }
            self.scanned = index
        }
        if let found {
            self.scanned = 0
            self.lineLength = 0
            return .complete(length: found)
        }
        return buffer.readableBytes >= self.limit ? .tooLarge : .incomplete
    }

    /// Splits a complete head into its start line and header fields.
    ///
    /// Field names must be tokens with no whitespace before the colon (RFC 9112 §5.1); obsolete line folding
    /// is replaced by a space (RFC 9112 §5.2). Values are decoded as UTF-8 with replacement.
    /// - Returns: the start line and fields, or a reason the head is malformed.
    static func split(_ head: [UInt8]) -> Result<(startLine: String, headers: HTTPHeaderFields), MalformedHead> {
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        // The head ends with an empty line, and split leaves an empty piece after the final LF.
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else {
            return .failure(MalformedHead(reason: "the head starts with an empty line"))
        }
        var fields: [HTTPHeaderFields.Field] = []
        for line in lines.dropFirst() {
            if let lead = line.first, lead.isHTTPWhitespace {
                guard !fields.isEmpty else {
                    return .failure(MalformedHead(reason: "the first header line starts with whitespace"))
                }
                let continuation = String(decoding: line, as: UTF8.self).trimmingHTTPWhitespace()
                fields[fields.count - 1].value += " " + continuation
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                let text = String(decoding: line.prefix(60), as: UTF8.self)
                return .failure(MalformedHead(reason: "the header line '\(text)' has no colon"))
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            guard name.isHTTPToken else {
                return .failure(MalformedHead(reason: "the header name '\(name)' is not a token"))
            }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingHTTPWhitespace()
            fields.append(HTTPHeaderFields.Field(name: name, value: String(value)))
        }
        return .success((String(decoding: first, as: UTF8.self), HTTPHeaderFields(fields)))
    }

    /// Parses `HTTP/x.y` into its major and minor digits (RFC 9112 §2.3).
    static func parseVersion(_ text: Substring) -> (major: Int, minor: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes.starts(with: Array("HTTP/".utf8)), bytes[6] == UInt8(ascii: "."),
            let major = bytes[5].decimalDigitValue, let minor = bytes[7].decimalDigitValue
        else { return nil }
        return (major, minor)
    }

    /// Why a head could not be split.
    struct MalformedHead: Error {
        var reason: String
    }
}

extension UInt8 {
    /// The value of an ASCII decimal digit, or nil.
    fileprivate var decimalDigitValue: Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) ? Int(self - UInt8(ascii: "0")) : nil
    }
}
