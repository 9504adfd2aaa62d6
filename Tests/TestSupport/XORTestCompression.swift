package import NIOCore
package import WSProtocol

/// A stand-in for permessage-deflate in WSProtocol tests: "compresses" by XORing every byte with 0xFF.
///
/// It streams frame by frame like a real inflater, enforces the output limit the way `MessageCompression`
/// requires, and can be told to fail, so the assembler and connection can be tested without zlib.
package final class XORTestCompression: MessageCompression {
    /// When set, `decompress` throws `.decompressionFailed` with this reason.
    package var failure: String?
    /// Every `(payload bytes, isFinal)` passed to `decompress`, in order.
    package private(set) var decompressCalls: [([UInt8], Bool)] = []

    package init(failure: String? = nil) {
        self.failure = failure
    }

    package func decompress(
        _ payload: ByteBuffer,
        isFinal: Bool,
        into output: inout ByteBuffer,
        limit: Int
    ) throws(ProtocolError) {
        let bytes = payload.getBytes(at: payload.readerIndex, length: payload.readableBytes) ?? []
        self.decompressCalls.append((bytes, isFinal))
        if let failure {
            throw .decompressionFailed(reason: failure)
        }
        let size = output.readableBytes + bytes.count
        if size > limit {
            throw .messageTooLarge(size: size, limit: limit)
        }
        output.writeBytes(bytes.map { $0 ^ 0xFF })
    }

    package func compress(_ payload: ByteBuffer, into output: inout ByteBuffer) {
        let bytes = payload.getBytes(at: payload.readerIndex, length: payload.readableBytes) ?? []
        output.writeBytes(bytes.map { $0 ^ 0xFF })
    }
}

@available(*, unavailable)
extension XORTestCompression: Sendable {}
