import Foundation

/// Validates the CIDR notation of SOURCE_IP condition values (`192.0.2.0/24`, `2001:db8::/32`).
enum CIDR {
    /// Whether `text` is an IPv4 or IPv6 address followed by `/` and a prefix length in range.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), parts[1].allSatisfy(\.isASCII) else { return false }
        if isIPv4(parts[0]) { return (0...32).contains(prefix) && parts[1].allSatisfy(\.isNumber) }
        if isIPv6(parts[0]) { return (0...128).contains(prefix) && parts[1].allSatisfy(\.isNumber) }
        return false
    }

    /// Four dotted decimal octets, each 0–255 without leading zeros.
    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        return octets.allSatisfy { octet in
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(octet), number <= 255
            else { return false }
            return octet.count == 1 || octet.first != "0"
        }
    }

    /// Eight groups of 1–4 hex digits, with at most one `::` standing for one or more zero groups, and an
    /// optional trailing dotted IPv4 address counting as two groups (RFC 4291 §2.2).
    static func isIPv6(_ text: Substring) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                let isLast = index == halves.count - 1 && position == pieces.count - 1
                if isLast, piece.contains(".") {
                    guard isIPv4(piece) else { return false }
                    groups += 2
                    continue
                }
                guard (1...4).contains(piece.count), piece.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
                    return false
                }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }
}
