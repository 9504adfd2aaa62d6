package import NIOCore

extension Array where Element == UInt8 {
    /// Bytes from hex digits; spaces, newlines and underscores are ignored ("81 05 48 65").
    ///
    /// - Precondition: an even number of hex digits (a typo in a test vector, not peer input).
    package init(hex: String) {
        let digits = hex.unicodeScalars.filter { !" \n\t_".unicodeScalars.contains($0) }
        precondition(digits.count % 2 == 0, "odd number of hex digits in \(hex)")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var iterator = digits.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let value = UInt8(String(high) + String(low), radix: 16) else {
                preconditionFailure("not a hex byte: \(high)\(low)")
            }
            bytes.append(value)
        }
        self = bytes
    }

    /// Lower-case hex with a space between bytes: "81 05 48".
    package var hexString: String {
        self.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}

extension ByteBuffer {
    /// A buffer holding the bytes spelled in hex (see `[UInt8](hex:)`).
    package init(hex: String) {
        self.init(bytes: [UInt8](hex: hex))
    }

    /// The readable bytes as an array (tests only: production code never copies to arrays).
    package var bytes: [UInt8] {
        self.getBytes(at: self.readerIndex, length: self.readableBytes) ?? []
    }

    /// The readable bytes as spaced hex.
    package var hexString: String {
        self.bytes.hexString
    }
}
