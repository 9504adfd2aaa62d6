extension Redaction {
    /// The forms a secret takes once a report format escapes it: HTML and XML entities (`&amp;`, `&quot;`,
    /// `&#39;`/`&apos;`/`&#x27;`), JSON string escapes (`\"`, `\\`, `\/`) and URL percent-encoding. Registering
    /// them too keeps a secret such as `p&ss"w0rd` hidden in report.html, junit.xml and report.json, whose
    /// text is redacted after it was escaped.
    static func encodedForms(of secret: String) -> [String] {
        var forms: Set<String> = []
        for apostrophe in ["&#39;", "&apos;", "&#x27;"] {
            forms.insert(
                Self.replacing(secret, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": apostrophe])
            )
        }
        let json = Self.replacing(secret, ["\\": "\\\\", "\"": "\\\""])
        forms.insert(json)
        forms.insert(Self.replacing(json, ["/": "\\/"]))
        if let percent = secret.addingPercentEncodingForQueryValue { forms.insert(percent) }
        forms.remove(secret)
        return forms.sorted()
    }

    /// `text` with each character found in `table` replaced by its entry.
    private static func replacing(_ text: String, _ table: [Character: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = table[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}

extension String {
    /// The text percent-encoded as a query value (unreserved characters kept), `nil` when nothing changes.
    fileprivate var addingPercentEncodingForQueryValue: String? {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var result = ""
        var changed = false
        for byte in self.utf8 {
            if unreserved.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                changed = true
                result += "%" + String(byte, radix: 16, uppercase: true).leftPaddedToTwo
            }
        }
        return changed ? result : nil
    }

    private var leftPaddedToTwo: String { self.count < 2 ? "0" + self : self }
}
