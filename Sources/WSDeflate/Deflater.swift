import CZlib
package import NIOCore

/// A raw-deflate compressor for permessage-deflate messages (RFC 7692 §7.2.1), owning one `z_stream`.
///
/// One instance belongs to one connection on one event loop. Each message is compressed with a sync flush
/// and the trailing `00 00 FF FF` is removed; with context takeover the LZ77 window carries over to the next
/// message, otherwise the stream is reset after every message.
package final class Deflater {
    /// zlib's default level (6): the usual balance; a load generator may prefer 1 to spend less CPU.
    package static let defaultLevel: Int32 = Z_DEFAULT_COMPRESSION
    /// zlib's default memory level (8): 128 KiB of hash and pending state per stream.
    package static let defaultMemoryLevel: Int32 = 8
    /// The largest output step: output is written in pieces of at most this size so that a very
    /// compressible message does not reserve its full uncompressed size.
    private static let maximumStep = 64 * 1024

    private let stream: UnsafeMutablePointer<z_stream>
    /// Whether the stream is reset after each message (`*_no_context_takeover`).
    package let resetsPerMessage: Bool
    /// The window size in bits, 9-15.
    package let windowBits: Int

    /// A compressor with a window of 2^`windowBits` bytes.
    /// - Throws: `.windowBitsUnsupported` for 8 (zlib refuses raw deflate with it), `.windowBitsOutOfRange`,
    ///   `.levelOutOfRange`, or `.zlibInitFailed`.
    package init(
        windowBits: Int,
        noContextTakeover: Bool,
        level: Int32 = Deflater.defaultLevel,
        memoryLevel: Int32 = Deflater.defaultMemoryLevel
    ) throws(DeflateConfigurationError) {
        guard (8...15).contains(windowBits) else {
            throw .windowBitsOutOfRange(parameter: "deflate window bits", value: windowBits)
        }
        guard windowBits >= 9 else {
            throw .windowBitsUnsupported(parameter: "deflate window bits", value: windowBits)
        }
        guard (-1...9).contains(level) else { throw .levelOutOfRange(name: "compression level", value: Int(level)) }
        guard (1...9).contains(memoryLevel) else {
            throw .levelOutOfRange(name: "memory level", value: Int(memoryLevel))
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Negative window bits select raw deflate: no zlib header or trailer (RFC 7692 §7.2.1).
        let status = wsprobe_deflateInit2(
            stream,
            level,
            Z_DEFLATED,
            -Int32(windowBits),
            memoryLevel,
            Z_DEFAULT_STRATEGY
        )
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .zlibInitFailed(function: "deflateInit2", code: status)
        }
        self.stream = stream
        self.resetsPerMessage = noContextTakeover
        self.windowBits = windowBits
    }

    deinit {
        deflateEnd(self.stream)
        self.stream.deinitialize(count: 1)
        self.stream.deallocate()
    }

    /// Compresses one whole message payload and appends it to `output` without the `00 00 FF FF` tail.
    ///
    /// An empty payload becomes the single byte `00` (RFC 7692 §7.2.3.6: an empty stored block once the
    /// receiver appends the tail).
    package func compress(_ payload: ByteBuffer, into output: inout ByteBuffer) {
        defer {
            if self.resetsPerMessage { deflateReset(self.stream) }
        }
        guard payload.readableBytes > 0 else {
            output.writeInteger(UInt8(0))
            return
        }
        let start = output.writerIndex
        payload.withUnsafeReadableBytes { input in
            guard let base = input.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return }
            var offset = 0
            // avail_in is 32 bits: feed at most 1 GiB per step.
            while offset < input.count {
                let length = min(input.count - offset, 1 << 30)
                self.stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
                self.stream.pointee.avail_in = uInt(length)
                self.deflatePending(into: &output)
                offset += length
            }
        }
        // A sync flush ends in an empty stored block; RFC 7692 §7.2.1 removes its 4-byte LEN/NLEN tail.
        if output.writerIndex - start >= 4,
            output.getInteger(at: output.writerIndex - 4, as: UInt32.self) == 0x0000_FFFF
        {
            output.moveWriterIndex(to: output.writerIndex - 4)
        }
    }

    /// Runs deflate with Z_SYNC_FLUSH until the current input is consumed and all output is flushed.
    private func deflatePending(into output: inout ByteBuffer) {
        let bound = Int(deflateBound(self.stream, uLong(self.stream.pointee.avail_in))) + 16
        var status = Z_OK
        repeat {
            output.writeWithUnsafeMutableBytes(minimumWritableBytes: min(bound, Self.maximumStep)) { space in
                guard let base = space.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return 0 }
                let room = min(space.count, Int(UInt32.max))
                self.stream.pointee.next_out = base
                self.stream.pointee.avail_out = uInt(room)
                status = deflate(self.stream, Z_SYNC_FLUSH)
                return room - Int(self.stream.pointee.avail_out)
            }
            // With Z_SYNC_FLUSH, output is complete once deflate leaves room unused; Z_BUF_ERROR only means
            // no progress was possible, i.e. nothing was left to flush.
        } while status == Z_OK && self.stream.pointee.avail_out == 0
        self.stream.pointee.next_in = nil
        self.stream.pointee.next_out = nil
    }
}

@available(*, unavailable)
extension Deflater: Sendable {}
