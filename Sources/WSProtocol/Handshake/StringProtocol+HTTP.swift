extension StringProtocol {
    /// Compares with `other` ignoring the case of ASCII letters, as HTTP does for field names and tokens.
    package func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        let left = self.utf8
        let right = other.utf8
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
    }

    /// The text without leading and trailing spaces and horizontal tabs (HTTP's OWS, RFC 9110 §5.6.3).
    package func trimmingHTTPWhitespace() -> Substring {
        var text = Substring(self)
        while let first = text.utf8.first, first.isHTTPWhitespace { text = text.dropFirst() }
        while let last = text.utf8.last, last.isHTTPWhitespace { text = text.dropLast() }
        return text
    }

    /// Whether every character is an HTTP `tchar` and there is at least one (RFC 9110 §5.6.2).
    package var isHTTPToken: Bool {
        !self.utf8.isEmpty && self.utf8.allSatisfy(\.isHTTPTokenCharacter)
    }
}

extension UInt8 {
    /// The byte with ASCII upper-case letters mapped to lower case.
    fileprivate var asciiLowercased: UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) ? self | 0x20 : self
    }

    /// Space or horizontal tab.
    package var isHTTPWhitespace: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t")
    }

    /// RFC 9110 §5.6.2 `tchar`: letters, digits and ``!#$%&'*+-.^_`|~``.
    package var isHTTPTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
