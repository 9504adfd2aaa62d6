package import NIOCore

/// Collects the start of the body of a non-101 answer, so the error can quote it.
///
/// Load balancer error pages and health pages are the best clue to what went wrong (research note §4.1:
/// record the status, headers and body). The excerpt is bounded by `limit`; the body's end is found from
/// `Content-Length` or chunked framing (RFC 9112 §6-7) where present, otherwise collection runs until the
/// limit or until the transport closes. Statuses that never carry a body (1xx, 204, 304), and answers to `HEAD`
/// or a 2xx to `CONNECT` (RFC 9112 §6.3 items 1-2), complete at once.
package struct ResponseBodyExcerpt {
    /// The default excerpt size: 2 KiB holds the meaningful part of any proxy error page.
    package static let defaultLimit = 2048

    private enum Framing {
        case done
        case length(remaining: Int)
        case chunkSize(digits: Int, value: Int, inExtension: Bool)
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailer(lineLength: Int)
        case untilClose
    }

    /// The body bytes collected so far (chunked framing removed), at most `limit`.
    package private(set) var bytes: [UInt8] = []
    /// The maximum number of bytes kept.
    package let limit: Int
    private var framing: Framing
    /// Body bytes read including chunk framing; collection stops at `4 * limit + 4096` so that endless
    /// chunk extensions or trailers cannot keep it reading.
    private var consumed = 0

    /// An excerpt collector for the body that follows `head`, the answer to a `requestMethod` request.
    package init(
        head: UpgradeResponseHead,
        limit: Int = ResponseBodyExcerpt.defaultLimit,
        requestMethod: String = UpgradeRequest.defaultMethod
    ) {
        self.limit = max(0, limit)
        let status = head.status
        if status < 200 || status == 204 || status == 304 || requestMethod == "HEAD"
            || (requestMethod == "CONNECT" && (200..<300).contains(status))
        {
            self.framing = .done
        } else if let coding = head.headers.listElements(named: "Transfer-Encoding").last,
            coding.equalsIgnoringASCIICase("chunked")
        {
            self.framing = .chunkSize(digits: 0, value: 0, inExtension: false)
        } else if let text = head.headers["Content-Length"], let length = Int(text), length >= 0 {
            self.framing = length == 0 ? .done : .length(remaining: length)
        } else {
            self.framing = .untilClose
        }
        if self.limit == 0 { self.framing = .done }
    }

    /// Whether the excerpt is complete: the body ended or the limit was reached.
    package var isComplete: Bool {
        if case .done = self.framing { true } else { false }
    }

    /// Takes body bytes from `buffer`; bytes past the end of the body are left in it.
    /// - Returns: `isComplete`.
    @discardableResult
    package mutating func consume(_ buffer: inout ByteBuffer) -> Bool {
        while !self.isComplete, let byte = buffer.readInteger(as: UInt8.self) {
            self.step(byte)
            self.consumed += 1
            if self.consumed >= 4 * self.limit + 4096 { self.framing = .done }
        }
        return self.isComplete
    }

    /// Marks the body as ended by the transport closing.
    package mutating func transportClosed() {
        self.framing = .done
    }

    private mutating func keep(_ byte: UInt8) {
        self.bytes.append(byte)
        if self.bytes.count >= self.limit { self.framing = .done }
    }

    private mutating func step(_ byte: UInt8) {
        switch self.framing {
        case .done:
            return
        case .untilClose:
            self.keep(byte)
        case .length(let remaining):
            self.framing = remaining <= 1 ? .done : .length(remaining: remaining - 1)
            self.keep(byte)
        case .chunkSize(let digits, let value, let inExtension):
            if byte == UInt8(ascii: "\n") {
                // A zero-size chunk starts the trailer section; a line with no digits is not chunked framing
                // after all.
                if digits == 0 {
                    self.framing = .done
                } else {
                    self.framing = value == 0 ? .trailer(lineLength: 0) : .chunkData(remaining: value)
                }
            } else if inExtension || byte == UInt8(ascii: "\r") {
                return
            } else if byte == UInt8(ascii: ";") || byte.isHTTPWhitespace {
                self.framing = .chunkSize(digits: digits, value: value, inExtension: true)
            } else if let digit = Self.hexValue(byte), digits < 15 {
                self.framing = .chunkSize(digits: digits + 1, value: value << 4 | digit, inExtension: false)
            } else {
                self.framing = .done
            }
        case .chunkData(let remaining):
            self.framing = remaining <= 1 ? .chunkDataEnd : .chunkData(remaining: remaining - 1)
            self.keep(byte)
        case .chunkDataEnd:
            if byte == UInt8(ascii: "\n") {
                self.framing = .chunkSize(digits: 0, value: 0, inExtension: false)
            }
        case .trailer(let lineLength):
            // Trailer fields end with an empty line (RFC 9112 §7.1.2); they are skipped.
            if byte == UInt8(ascii: "\n") {
                self.framing = lineLength == 0 ? .done : .trailer(lineLength: 0)
            } else if byte != UInt8(ascii: "\r") {
                self.framing = .trailer(lineLength: lineLength + 1)
            }
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
