extension UTF8Validator {
    /// The transition table: `transitions[state << 8 | byte]` is the next state (RFC 3629 §4 grammar).
    static let transitions: [UInt8] = {
        var table = [UInt8](repeating: DFAState.reject, count: DFAState.count * 256)
        func set(_ state: UInt8, _ bytes: ClosedRange<Int>, to next: UInt8) {
            for byte in bytes {
                table[Int(state) << 8 | byte] = next
            }
        }
        // UTF8-1 and the lead bytes of UTF8-2, UTF8-3 and UTF8-4. C0, C1 and F5-FF never appear.
        set(DFAState.accept, 0x00...0x7F, to: DFAState.accept)
        set(DFAState.accept, 0xC2...0xDF, to: DFAState.needOne)
        set(DFAState.accept, 0xE0...0xE0, to: DFAState.afterE0)
        set(DFAState.accept, 0xE1...0xEC, to: DFAState.needTwo)
        set(DFAState.accept, 0xED...0xED, to: DFAState.afterED)
        set(DFAState.accept, 0xEE...0xEF, to: DFAState.needTwo)
        set(DFAState.accept, 0xF0...0xF0, to: DFAState.afterF0)
        set(DFAState.accept, 0xF1...0xF3, to: DFAState.needThree)
        set(DFAState.accept, 0xF4...0xF4, to: DFAState.afterF4)
        // Continuation bytes.
        set(DFAState.needOne, 0x80...0xBF, to: DFAState.accept)
        set(DFAState.needTwo, 0x80...0xBF, to: DFAState.needOne)
        set(DFAState.needThree, 0x80...0xBF, to: DFAState.needTwo)
        // The second byte is narrowed after E0, ED, F0 and F4.
        set(DFAState.afterE0, 0xA0...0xBF, to: DFAState.needOne)
        set(DFAState.afterED, 0x80...0x9F, to: DFAState.needOne)
        set(DFAState.afterF0, 0x90...0xBF, to: DFAState.needTwo)
        set(DFAState.afterF4, 0x80...0x8F, to: DFAState.needTwo)
        return table
    }()
}
