package import NIOCore

/// A complete data message: the payload of one frame or of a reassembled sequence of fragments, inflated if
/// it was compressed (RFC 6455 §5.6).
package struct Message: Sendable, Hashable {
    /// Whether the message is text or binary.
    package enum Kind: Sendable, Hashable {
        /// UTF-8 text (validated on receipt, RFC 6455 §8.1).
        case text
        /// Arbitrary bytes.
        case binary

        /// The opcode of the message's first frame.
        package var opcode: Opcode {
            switch self {
            case .text: .text
            case .binary: .binary
            }
        }
    }

    /// Text or binary.
    package var kind: Kind
    /// The payload bytes.
    package var payload: ByteBuffer

    package init(kind: Kind, payload: ByteBuffer) {
        self.kind = kind
        self.payload = payload
    }

    /// A text message holding `text` as UTF-8.
    package static func text(_ text: String) -> Message {
        Message(kind: .text, payload: ByteBuffer(string: text))
    }

    /// A binary message holding `bytes`.
    package static func binary(_ bytes: ByteBuffer) -> Message {
        Message(kind: .binary, payload: bytes)
    }
}
