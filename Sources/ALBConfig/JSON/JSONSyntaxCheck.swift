/// Finds where a JSON text (RFC 8259) first breaks the grammar, for error messages with a line and column.
///
/// Only used after a decoder refused the bytes: Foundation's decoder says *that* the text is not JSON, not
/// where. A recursive-descent scan of the grammar without building values; nesting deeper than
/// `maximumDepth` is reported as an error too, so the scan needs bounded stack.
struct JSONSyntaxCheck {
    /// Where and why the text is not JSON: 1-based line and column (in characters), and what was wrong.
    struct Problem: Sendable, Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The deepest nesting of arrays and objects scanned.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The first syntax error in `bytes`, nil when they are well-formed JSON.
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var scanner = JSONSyntaxCheck(bytes)
        do throws(Failure) {
            if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
            try scanner.value(depth: 0)
            scanner.skipWhitespace()
            if scanner.index < scanner.bytes.count { throw scanner.problem("unexpected text after the document") }
            return nil
        } catch {
            return error.problem
        }
    }

    private struct Failure: Error {
        var problem: Problem
    }

    private mutating func value(depth: Int) throws(Failure) {
        skipWhitespace()
        guard let byte = self.peek else { throw problem("unexpected end of file, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw problem("unexpected \(describe(byte)), expected a value")
        }
    }

    private mutating func object(depth: Int) throws(Failure) {
        guard depth <= Self.maximumDepth else { throw problem("nesting deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") { return index += 1 }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw problem("expected a member name in double quotes") }
            try string()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw problem("expected ':' after the member name") }
            index += 1
            try value(depth: depth)
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): return index += 1
            default: throw problem("expected ',' or '}' in the object")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) {
        guard depth <= Self.maximumDepth else { throw problem("nesting deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") { return index += 1 }
        while true {
            try value(depth: depth)
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): return index += 1
            default: throw problem("expected ',' or ']' in the array")
            }
        }
    }

    private mutating func string() throws(Failure) {
        let start = index
        index += 1
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = peek, Array("\"\\/bfnrtu".utf8).contains(escaped) else {
                    throw problem("invalid escape in a string")
                }
                index += 1
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        guard let digit = peek, digit.isHexDigit else { throw problem("invalid \\u escape") }
                        index += 1
                    }
                }
            case 0..<0x20:
                throw problem("control character in a string (escape it)")
            default:
                index += 1
            }
        }
        index = start
        throw problem("unterminated string")
    }

    private mutating func number() throws(Failure) {
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, first.isDigit else { throw problem("invalid number: expected a digit") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard peek?.isDigit == true else { throw problem("invalid number: expected a digit after '.'") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard peek?.isDigit == true else { throw problem("invalid number: expected an exponent") }
            skipDigits()
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for expected in word.utf8 {
            guard peek == expected else { throw problem("invalid literal, expected \(word)") }
            index += 1
        }
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipDigits() {
        while peek?.isDigit == true { index += 1 }
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    /// A problem at the current position: line and column counted over the bytes before it.
    private func problem(_ message: String) -> Failure {
        let before = bytes[..<min(index, bytes.count)]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return Failure(problem: Problem(line: line, column: column, message: message))
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    fileprivate var isHexDigit: Bool {
        self.isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
