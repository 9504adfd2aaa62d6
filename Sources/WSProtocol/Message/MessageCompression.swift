package import NIOCore

/// A per-message payload transform negotiated through `Sec-WebSocket-Extensions`.
///
/// WSProtocol knows nothing of zlib: `WSDeflate` conforms to this for RFC 7692 permessage-deflate, and the
/// message assembler and encoder call it. It is a class because it owns a compression context whose state
/// carries across messages (context takeover); one instance belongs to one connection on one event loop.
package protocol MessageCompression: AnyObject {
    /// Inflates one frame's payload of a compressed message and appends the output to `output`.
    ///
    /// Called for every frame of a message whose first frame had RSV1 set, in order. On the final frame the
    /// implementation appends the `00 00 FF FF` tail before the last inflate (RFC 7692 §7.2.2).
    /// - Parameters:
    ///   - payload: the frame's (unmasked) payload.
    ///   - isFinal: true for the frame with FIN set.
    ///   - output: the message buffer being assembled; its readable bytes must not grow past `limit`.
    ///   - limit: the maximum inflated message size (bombs fail with `.messageTooLarge`).
    /// - Throws: `ProtocolError.decompressionFailed` or `.messageTooLarge`.
    func decompress(
        _ payload: ByteBuffer,
        isFinal: Bool,
        into output: inout ByteBuffer,
        limit: Int
    ) throws(ProtocolError)

    /// Compresses one whole message payload: raw deflate, sync flush, trailing `00 00 FF FF` removed
    /// (RFC 7692 §7.2.1). The caller sets RSV1 on the first frame.
    func compress(_ payload: ByteBuffer, into output: inout ByteBuffer)
}
