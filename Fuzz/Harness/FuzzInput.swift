/// Reads a fuzzer's input as a few control values followed by the data proper.
///
/// Missing bytes read as zero, so every input, the empty one included, is a valid test case.
struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next byte, or 0 past the end.
    mutating func byte() -> UInt8 {
        guard self.position < self.bytes.count else { return 0 }
        defer { self.position += 1 }
        return self.bytes[self.position]
    }

    /// The next two bytes, big-endian.
    mutating func uint16() -> Int {
        Int(self.byte()) << 8 | Int(self.byte())
    }

    /// Up to `count` next bytes.
    mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(self.bytes.count, self.position + count)
        defer { self.position = end }
        return self.bytes[self.position..<end]
    }

    /// Every byte not read yet.
    mutating func rest() -> ArraySlice<UInt8> {
        self.take(self.bytes.count)
    }

    /// True once every byte was read.
    var isAtEnd: Bool { self.position >= self.bytes.count }
}
