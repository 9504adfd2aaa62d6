package import NIOCore

/// Feeds an encoded input to a decoder split in every way that matters: whole, at every split point into two
/// reads, and one byte per read. Modelled on NIO's `ByteToMessageDecoderVerifier`.
///
/// The feeder keeps a cumulation buffer as a `ByteToMessageHandler` does: each chunk is appended to it and the
/// decode closure consumes what it can. A correct decoder gives the same outputs for every chunking and leaves
/// no bytes behind.
package enum SplitFeeder {
    /// One way of cutting the input into reads.
    package struct Chunking: Sendable, CustomStringConvertible {
        /// A name for failure messages, e.g. "split at 3" or "one byte at a time".
        package var name: String
        /// The reads, in order.
        package var chunks: [[UInt8]]

        package var description: String {
            self.name
        }
    }

    /// A chunking whose outputs or leftovers differ from what was expected.
    package struct Mismatch<Output>: CustomStringConvertible {
        /// The chunking that went wrong.
        package var chunking: String
        /// What the decoder produced.
        package var outputs: [Output]
        /// Bytes left unconsumed in the cumulation buffer.
        package var leftoverBytes: Int

        package var description: String {
            "\(self.chunking): got \(self.outputs), \(self.leftoverBytes) bytes left over"
        }
    }

    /// Every chunking of `bytes`: whole, two reads at each split point 1..<count, and one byte per read.
    package static func chunkings(of bytes: [UInt8]) -> [Chunking] {
        var result = [Chunking(name: "whole", chunks: [bytes])]
        if bytes.count > 1 {
            for split in 1..<bytes.count {
                result.append(
                    Chunking(name: "split at \(split)", chunks: [Array(bytes[..<split]), Array(bytes[split...])])
                )
            }
            result.append(Chunking(name: "one byte at a time", chunks: bytes.map { [$0] }))
        }
        return result
    }

    /// Decodes `input` in every chunking with a fresh decoder and returns the chunkings that went wrong.
    ///
    /// - Parameters:
    ///   - input: the encoded bytes.
    ///   - expected: the outputs every chunking must produce, in order.
    ///   - allowLeftover: accept unconsumed bytes at the end (for inputs that end in an error).
    ///   - makeDecoder: makes a fresh decoder per chunking.
    ///   - decode: consumes what it can from the cumulation buffer and returns the outputs it produced.
    package static func verify<Decoder, Output: Equatable>(
        input: [UInt8],
        expected: [Output],
        allowLeftover: Bool = false,
        makeDecoder: () -> Decoder,
        decode: (inout Decoder, inout ByteBuffer) -> [Output]
    ) -> [Mismatch<Output>] {
        var mismatches: [Mismatch<Output>] = []
        for chunking in Self.chunkings(of: input) {
            var decoder = makeDecoder()
            var cumulation = ByteBuffer()
            var outputs: [Output] = []
            for chunk in chunking.chunks {
                cumulation.writeBytes(chunk)
                outputs += decode(&decoder, &cumulation)
            }
            let leftover = allowLeftover ? 0 : cumulation.readableBytes
            if outputs != expected || leftover != 0 {
                mismatches.append(Mismatch(chunking: chunking.name, outputs: outputs, leftoverBytes: leftover))
            }
        }
        return mismatches
    }
}
