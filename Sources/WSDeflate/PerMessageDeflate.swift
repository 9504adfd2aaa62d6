import CZlib
package import NIOCore
package import WSProtocol

/// RFC 7692 permessage-deflate for one connection: the `MessageCompression` WSProtocol calls.
///
/// It pairs a `Deflater` for what this endpoint sends with an `Inflater` for what it receives, set up from
/// the negotiated parameters for this endpoint's role.
package final class PerMessageDeflate: MessageCompression {
    /// Which end of the connection this endpoint is; it decides which parameters apply to which direction.
    package enum Role: Sendable {
        case client
        case server
    }

    /// The compressor for outgoing messages.
    package let deflater: Deflater
    /// The decompressor for incoming messages.
    package let inflater: Inflater
    /// The negotiated parameters.
    package let parameters: DeflateParameters

    /// A compression context for `role` under `parameters`.
    ///
    /// A client compresses with `client_max_window_bits` and resets when `client_no_context_takeover`
    /// applies, and inflates by the `server_*` parameters; a server the other way round (RFC 7692 §7.1).
    /// - Throws: `DeflateConfigurationError` (a compressor window of 8, a bad level, or zlib init failure).
    package init(
        parameters: DeflateParameters,
        role: Role,
        level: Int32 = Deflater.defaultLevel,
        memoryLevel: Int32 = Deflater.defaultMemoryLevel
    ) throws(DeflateConfigurationError) {
        let sendsAsClient = role == .client
        self.parameters = parameters
        self.deflater = try Deflater(
            windowBits: sendsAsClient ? parameters.clientMaxWindowBits : parameters.serverMaxWindowBits,
            noContextTakeover: sendsAsClient ? parameters.clientNoContextTakeover : parameters.serverNoContextTakeover,
            level: level,
            memoryLevel: memoryLevel
        )
        self.inflater = try Inflater(
            windowBits: sendsAsClient ? parameters.serverMaxWindowBits : parameters.clientMaxWindowBits,
            noContextTakeover: sendsAsClient ? parameters.serverNoContextTakeover : parameters.clientNoContextTakeover
        )
    }

    package func decompress(
        _ payload: ByteBuffer,
        isFinal: Bool,
        into output: inout ByteBuffer,
        limit: Int
    ) throws(ProtocolError) {
        try self.inflater.decompress(payload, isFinal: isFinal, into: &output, limit: limit)
    }

    package func compress(_ payload: ByteBuffer, into output: inout ByteBuffer) {
        self.deflater.compress(payload, into: &output)
    }
}

@available(*, unavailable)
extension PerMessageDeflate: Sendable {}
