/// Splits human-unit text such as `1.5s` into a non-negative decimal number and the unit that follows.
enum HumanNumber {
    /// The leading number and the rest of the text, or nil when there is no leading digit.
    /// Accepts `12`, `1.5`; `.5` is rejected (write `0.5`), and so are signs and exponents (`1e3`, nil).
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
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            let next = text.index(after: index)
            if next < text.endIndex, let ascii = text[next].asciiValue,
                (48...57).contains(ascii) || ascii == 43 || ascii == 45
            {
                return nil  // an exponent (`1e308`): refused as a whole rather than read as the unit `e…`
            }
        }
        guard let value = Double(digits), value.isFinite else { return nil }
        return (value, digits, text[index...])
    }
}
