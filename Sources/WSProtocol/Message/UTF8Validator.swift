package import NIOCore

/// An incremental UTF-8 validator: feed a message's bytes in any chunks, learn of the first invalid byte at
/// once (RFC 6455 §8.1, RFC 3629 §4).
///
/// A deterministic automaton in the style of Bjoern Hoehrmann's decoder: one table lookup per byte, with a
/// fast path that skips eight ASCII bytes at a time. It rejects overlong forms, UTF-16 surrogates
/// (U+D800-U+DFFF) and code points above U+10FFFF at the first byte that makes them impossible, which is what
/// Autobahn|Testsuite's fail-fast cases (6.4.x) expect. State carries across chunk boundaries, so a code point
/// split between two frames is handled.
package struct UTF8Validator: Sendable {
    /// Automaton states; `accept` means "at a code point boundary".
    enum DFAState {
        static let accept: UInt8 = 0
        static let reject: UInt8 = 1
        static let needOne: UInt8 = 2
        static let needTwo: UInt8 = 3
        static let needThree: UInt8 = 4
        /// After E0: the next byte must be A0-BF (no overlong three-byte forms).
        static let afterE0: UInt8 = 5
        /// After ED: the next byte must be 80-9F (no surrogates).
        static let afterED: UInt8 = 6
        /// After F0: the next byte must be 90-BF (no overlong four-byte forms).
        static let afterF0: UInt8 = 7
        /// After F4: the next byte must be 80-8F (nothing above U+10FFFF).
        static let afterF4: UInt8 = 8
        static let count = 9
    }

    private var state: UInt8 = DFAState.accept
    /// The message offset of the first byte of the code point being read.
    private var sequenceStart = 0
    /// The number of bytes fed so far: the message offset of the next byte.
    package private(set) var byteCount = 0

    package init() {}

    /// Validates the readable bytes of `bytes` as the continuation of the message.
    /// - Throws: `ProtocolError.invalidUTF8(byteOffset:)` with the message offset of the first invalid byte.
    package mutating func feed(_ bytes: ByteBuffer) throws(ProtocolError) {
        try bytes.withUnsafeReadableBytes { (pointer) throws(ProtocolError) in
            try self.feed(pointer)
        }
    }

    /// Validates `bytes` as the continuation of the message.
    /// - Throws: `ProtocolError.invalidUTF8(byteOffset:)` with the message offset of the first invalid byte.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(ProtocolError) {
        if self.state == DFAState.reject {
            throw .invalidUTF8(byteOffset: self.byteCount)
        }
        guard let base = bytes.baseAddress else {
            return
        }
        let count = bytes.count
        let origin = self.byteCount
        var state = self.state
        var sequenceStart = self.sequenceStart
        var position = 0
        let failedAt: Int? = Self.transitions.withUnsafeBufferPointer { table in
            while position < count {
                if state == DFAState.accept {
                    // ASCII fast path: eight bytes without a high bit are eight complete code points.
                    while position &+ 8 <= count,
                        base.loadUnaligned(fromByteOffset: position, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        position &+= 8
                    }
                    if position >= count {
                        break
                    }
                    sequenceStart = origin &+ position
                }
                let byte = base.load(fromByteOffset: position, as: UInt8.self)
                state = table[Int(state) &<< 8 | Int(byte)]
                if state == DFAState.reject {
                    return origin &+ position
                }
                position &+= 1
            }
            return nil
        }
        self.state = state
        self.sequenceStart = sequenceStart
        if let failedAt {
            self.byteCount = failedAt
            throw .invalidUTF8(byteOffset: failedAt)
        }
        self.byteCount = origin + count
    }

    /// Ends the message: fails if it stops inside a code point.
    /// - Throws: `ProtocolError.invalidUTF8(byteOffset:)` with the offset of the truncated sequence's first byte.
    package func finish() throws(ProtocolError) {
        switch self.state {
        case DFAState.accept:
            return
        case DFAState.reject:
            throw .invalidUTF8(byteOffset: self.byteCount)
        default:
            throw .invalidUTF8(byteOffset: self.sequenceStart)
        }
    }

    /// Forgets everything, ready for the next message.
    package mutating func reset() {
        self = UTF8Validator()
    }

    /// Validates a whole message at once.
    package static func isValid(_ bytes: ByteBuffer) -> Bool {
        var validator = UTF8Validator()
        do {
            try validator.feed(bytes)
            try validator.finish()
            return true
        } catch {
            return false
        }
    }
}
