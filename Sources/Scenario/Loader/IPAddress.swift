/// Syntax checks for IP literals (no Foundation networking, no resolver).
enum IPAddress {
    /// The dotted-quad value, or nil when `text` is not exactly four decimal octets.
    static func ipv4Value(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII), let byte = UInt8(octet) else {
                return nil
            }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    static func isIPv4(_ text: String) -> Bool { ipv4Value(text) != nil }

    static func ipv4String(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 255).\(value >> 8 & 255).\(value & 255)"
    }

    /// A loose IPv6 check: hex groups and colons, at most one `::`, optionally an IPv4 tail.
    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":"), text.count <= 45 else { return false }
        let allowed = Set("0123456789abcdefABCDEF:.")
        guard text.allSatisfy({ allowed.contains($0) }) else { return false }
        let doubleColons = doubleColonCount(text)
        guard doubleColons <= 1 else { return false }
        let groups = text.split(separator: ":", omittingEmptySubsequences: true)
        guard groups.allSatisfy({ $0.count <= 4 || isIPv4(String($0)) }) else { return false }
        return doubleColons == 1 ? groups.count <= 7 : groups.count == 8
    }

    /// How many times `::` starts in `text` (`:::` counts once, and fails the group check anyway).
    private static func doubleColonCount(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var count = 0
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == ":", scalars[index + 1] == ":" {
                count += 1
                index += 2
            } else {
                index += 1
            }
        }
        return count
    }
}
