import CZlib
package import NIOCore
package import WSProtocol

/// A raw-inflate decompressor for permessage-deflate messages (RFC 7692 §7.2.2), owning one `z_stream`.
///
/// One instance belongs to one connection on one event loop. Frames of a message are inflated as they
/// arrive; after the last one the `00 00 FF FF` tail is inflated too. The inflated message never grows past
/// the caller's limit, so a small compressed "bomb" fails after at most `limit + 1` bytes of work.
package final class Inflater {
    /// The largest output step per inflate call.
    private static let maximumStep = 64 * 1024
    /// The free space asked of the output buffer before each inflate call. zlib fills whatever free space
    /// the buffer already has (up to the step), and ByteBuffer doubles its capacity when it grows, so large
    /// messages still take few steps, while a small message does not make its buffer grow to 64 KiB.
    private static let minimumFreeSpace = 1024
    /// The tail RFC 7692 §7.2.2 appends before the last inflate of a message.
    private static let tail: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    private let stream: UnsafeMutablePointer<z_stream>
    /// Whether the stream is reset after each message (the peer's `*_no_context_takeover`).
    package let resetsPerMessage: Bool
    /// The window size in bits, 8-15.
    package let windowBits: Int
    /// Space for the LZ77 window when a stream ends with BFINAL; allocated on first use (rare).
    private var windowCopy: UnsafeMutablePointer<Bytef>?

    /// A decompressor for a window of 2^`windowBits` bytes (8 works for inflating).
    /// - Throws: `.windowBitsOutOfRange` or `.zlibInitFailed`.
    package init(windowBits: Int, noContextTakeover: Bool) throws(DeflateConfigurationError) {
        guard (8...15).contains(windowBits) else {
            throw .windowBitsOutOfRange(parameter: "inflate window bits", value: windowBits)
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = wsprobe_inflateInit2(stream, -Int32(windowBits))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .zlibInitFailed(function: "inflateInit2", code: status)
        }
        self.stream = stream
        self.resetsPerMessage = noContextTakeover
        self.windowBits = windowBits
    }

    deinit {
        self.windowCopy?.deallocate()
        inflateEnd(self.stream)
        self.stream.deinitialize(count: 1)
        self.stream.deallocate()
    }

    /// Inflates one frame's payload of a compressed message, appending to `output`.
    /// - Parameters:
    ///   - payload: the frame's payload.
    ///   - isFinal: true for the message's last frame: the tail is then inflated and the message ends.
    ///   - output: the message being assembled; its readable bytes never exceed `limit`.
    ///   - limit: the maximum inflated message size.
    /// - Throws: `.messageTooLarge` past the limit, `.decompressionFailed` for data zlib rejects.
    package func decompress(
        _ payload: ByteBuffer,
        isFinal: Bool,
        into output: inout ByteBuffer,
        limit: Int
    ) throws(ProtocolError) {
        var failure: ProtocolError?
        payload.withUnsafeReadableBytes { input in
            failure = self.inflate(input, into: &output, limit: limit)
        }
        if failure == nil, isFinal {
            Self.tail.withUnsafeBytes { input in
                failure = self.inflate(input, into: &output, limit: limit)
            }
        }
        if let failure {
            self.reset()
            throw failure
        }
        if isFinal, self.resetsPerMessage {
            self.reset()
        }
    }

    private func reset() {
        inflateReset(self.stream)
    }

    private func inflate(_ input: UnsafeRawBufferPointer, into output: inout ByteBuffer, limit: Int) -> ProtocolError? {
        guard let base = input.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return nil }
        defer {
            self.stream.pointee.next_in = nil
            self.stream.pointee.next_out = nil
        }
        var offset = 0
        while offset < input.count {
            let length = min(input.count - offset, 1 << 30)
            self.stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
            self.stream.pointee.avail_in = uInt(length)
            if let failure = self.inflatePending(into: &output, limit: limit) { return failure }
            offset += length
        }
        return nil
    }

    private func inflatePending(into output: inout ByteBuffer, limit: Int) -> ProtocolError? {
        var status = Z_OK
        repeat {
            // Allow one byte past the limit so that reaching it exactly is not mistaken for a bomb. Written
            // without `+ 1` on the remainder so that a limit of Int.max cannot overflow.
            let remaining = limit > output.readableBytes ? limit - output.readableBytes : 0
            let step = remaining >= Self.maximumStep ? Self.maximumStep : remaining + 1
            output.writeWithUnsafeMutableBytes(minimumWritableBytes: min(step, Self.minimumFreeSpace)) { space in
                guard let base = space.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return 0 }
                let usable = min(space.count, step)
                self.stream.pointee.next_out = base
                self.stream.pointee.avail_out = uInt(usable)
                status = CZlib.inflate(self.stream, Z_SYNC_FLUSH)
                return usable - Int(self.stream.pointee.avail_out)
            }
            if output.readableBytes > limit {
                let size = output.readableBytes
                output.moveWriterIndex(to: output.readerIndex + limit)
                return .messageTooLarge(size: size, limit: limit)
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                if let failure = self.restartKeepingWindow() { return failure }
            case Z_BUF_ERROR:
                // No progress possible: all input consumed and nothing left to flush.
                return nil
            default:
                return .decompressionFailed(reason: self.zlibMessage(status))
            }
        } while self.stream.pointee.avail_in > 0 || self.stream.pointee.avail_out == 0
        return nil
    }

    /// Starts a new deflate stream after a BFINAL block, with the old window as a preset dictionary.
    ///
    /// RFC 7692 §7.2.3.4 lets a sender end a message with a BFINAL block followed by an empty stored-block
    /// header; with context takeover its LZ77 window still covers the earlier data, so what follows (the
    /// tail, or the next message) may refer back into it. Raw inflate accepts a dictionary at any time.
    private func restartKeepingWindow() -> ProtocolError? {
        let window = self.windowCopy ?? UnsafeMutablePointer<Bytef>.allocate(capacity: 1 << self.windowBits)
        self.windowCopy = window
        var length: uInt = 0
        guard inflateGetDictionary(self.stream, window, &length) == Z_OK, inflateReset(self.stream) == Z_OK,
            length == 0 || inflateSetDictionary(self.stream, window, length) == Z_OK
        else {
            return .decompressionFailed(reason: "the inflater could not continue after a final deflate block")
        }
        return nil
    }

    private func zlibMessage(_ status: Int32) -> String {
        let detail = self.stream.pointee.msg.map { String(cString: $0) }
        switch status {
        case Z_DATA_ERROR: return "invalid deflate data (\(detail ?? "Z_DATA_ERROR"))"
        case Z_NEED_DICT: return "the stream asks for a preset dictionary"
        case Z_MEM_ERROR: return "zlib ran out of memory"
        default: return "zlib error \(status)\(detail.map { " (\($0))" } ?? "")"
        }
    }
}

@available(*, unavailable)
extension Inflater: Sendable {}
