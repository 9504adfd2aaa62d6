/// A number of bytes written with a unit: `64B`, `1KB` (1000), `64KiB` (1024), `1MiB`, `1GB`.
package struct ByteSize: Sendable, Hashable, CustomStringConvertible {
    package var bytes: Int

    package init(bytes: Int) {
        self.bytes = bytes
    }

    /// The largest size a scenario may name (1 TiB), far above any useful payload.
    package static let maximum = 1 << 40

    /// The largest message payload any size flag or field accepts (`check --size`, `probe deflate --size`,
    /// `send.size`): 16 MiB, the message limit of wsprobe's client and of its built-in echo target, so a
    /// larger echo could never come back.
    package static let payloadMaximum = 16 << 20

    /// Parses `<number><unit>`, unit one of `B`, `KB`, `MB`, `GB` (powers of 1000) or `KiB`, `MiB`, `GiB`
    /// (powers of 1024); units are case-sensitive so `kb` and `Kb` are rejected rather than guessed.
    /// - Throws: `UnitError` with code `scenario.size`.
    package static func parse(_ text: String) throws(UnitError) -> ByteSize {
        let units: [String: Double] = [
            "B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "KiB": 1024, "MiB": 1_048_576, "GiB": 1_073_741_824,
        ]
        let trimmed = Substring(text.trimmingSpaces)
        guard let (value, digits, unit) = HumanNumber.split(trimmed) else {
            throw UnitError(
                .size,
                "'\(text)' is not a size; expected a plain decimal number (no sign or exponent) then B, KB, KiB, MB, MiB, GB or GiB"
            )
        }
        guard !unit.isEmpty else {
            throw UnitError(.size, "'\(text)' has no unit; write e.g. \(digits)B or \(digits)KiB")
        }
        guard let multiplier = units[String(unit)] else {
            throw UnitError(.size, "'\(text)' has unknown size unit '\(unit)'; use B, KB, KiB, MB, MiB, GB or GiB")
        }
        let bytes = value * multiplier
        guard bytes == bytes.rounded() else {
            throw UnitError(.size, "'\(text)' is not a whole number of bytes")
        }
        guard bytes <= Double(maximum) else {
            throw UnitError(.size, "'\(text)' is above the 1TiB maximum")
        }
        return ByteSize(bytes: Int(bytes))
    }

    package var description: String {
        if bytes >= 1_048_576, bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576)MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024)KiB" }
        return "\(bytes)B"
    }
}
