/// Escaping for XML 1.0 text and attribute values.
enum XMLEscaping {
    /// `text` with markup characters replaced by entities and characters XML 1.0 forbids (C0
    /// controls other than tab, newline and carriage return, and U+FFFE/U+FFFF) replaced by U+FFFD,
    /// so peer bytes echoed into an error message can never make the file unparsable.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
