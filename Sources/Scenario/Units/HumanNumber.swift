/// Splits human-unit text such as `1.5s` into a non-negative decimal number and the unit that follows.
enum HumanNumber {
    /// The leading number and the rest of the text, or nil when there is no leading digit.
    /// Accepts `12`, `1.5`, `.5` is rejected (write `0.5`), signs and exponents are rejected.
    static func split(_ text: Substring) -> (value: Double, digits: Substring, rest: Substring)? {
        var index = text.startIndex
        var sawDigit = false
        while index < text.endIndex, let ascii = text[index].asciiValue, ascii >= 48, ascii <= 57 {
            sawDigit = true
            index = text.index(after: index)
        }
        guard sawDigit else { return nil }
        if index < text.endIndex, text[index] == "." {
            let afterDot = text.index(after: index)
            var fractionEnd = afterDot
            while fractionEnd < text.endIndex, let ascii = text[fractionEnd].asciiValue, ascii >= 48, ascii <= 57 {
                fractionEnd = text.index(after: fractionEnd)
            }
            if fractionEnd > afterDot { index = fractionEnd }
        }
        let digits = text[text.startIndex..<index]
        guard let value = Double(digits) else { return nil }
        return (value, digits, text[index...])
    }
}
