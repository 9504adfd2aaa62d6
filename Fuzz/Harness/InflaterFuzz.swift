import NIOCore
import WSDeflate
import WSProtocol

/// Input: `[flags][limit][frames…]`, each frame `[header][payload]` with header bit 7 = final frame of the
/// message and bits 0-6 the payload length, inflated by one `Inflater` (one connection's messages in turn).
///
/// Flags: bits 0-2 the window 8 + n, bit 3 no context takeover. The output limit is 1 + 16 × `limit` bytes
/// (1 to 4081), so bombs and the limit boundary are reached quickly.
enum InflaterFuzz {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let flags = input.byte()
        let limit = 1 + 16 * Int(input.byte())
        let windowBits = 8 + Int(flags & 7)
        let noContextTakeover = flags & 8 != 0
        // `framed` inflates each message frame by frame, `whole` the same bytes in one call: how a message is
        // split into frames must not change what it inflates to (RFC 7692 §6.2).
        let framed: Inflater
        let whole: Inflater
        do {
            framed = try Inflater(windowBits: windowBits, noContextTakeover: noContextTakeover)
            whole = try Inflater(windowBits: windowBits, noContextTakeover: noContextTakeover)
        } catch {
            preconditionFailure("a valid window was refused: \(error)")
        }
        var frames: [ByteBuffer] = []
        while !input.isAtEnd {
            let header = input.byte()
            frames.append(ByteBuffer(bytes: input.take(Int(header & 0x7F))))
            guard header & 0x80 != 0 || input.isAtEnd else { continue }
            let framedResult = Self.inflate(frames, with: framed, limit: limit)
            let wholeResult = Self.inflate(
                [frames.reduce(into: ByteBuffer()) { $0.writeImmutableBuffer($1) }],
                with: whole,
                limit: limit
            )
            precondition(framedResult == wholeResult, "inflating frame by frame differs from inflating at once")
            frames.removeAll()
        }
    }

    /// What inflating a message gave: its bytes, or the code of the error that stopped it.
    enum Outcome: Equatable {
        case inflated([UInt8])
        case failed(String)
    }

    /// Inflates one message, the last buffer being its final frame.
    static func inflate(_ frames: [ByteBuffer], with inflater: Inflater, limit: Int) -> Outcome {
        var output = ByteBuffer()
        for (index, frame) in frames.enumerated() {
            do {
                try inflater.decompress(frame, isFinal: index == frames.count - 1, into: &output, limit: limit)
                precondition(output.readableBytes <= limit, "the inflated message grew past the limit")
            } catch {
                precondition(output.readableBytes <= limit, "the inflated message grew past the limit")
                switch error {
                case .decompressionFailed, .messageTooLarge:
                    precondition(!error.description.isEmpty, "an error without a sentence")
                default:
                    preconditionFailure("an unexpected error from the inflater: \(error)")
                }
                return .failed(error.code)
            }
        }
        return .inflated(Array(output.readableBytesView))
    }

    static var seeds: [[UInt8]] {
        var seeds: [[UInt8]] = []
        let texts = [
            String(repeating: "{\"id\":1,\"name\":\"hello\"}", count: 8),
            "Hello",
            String(repeating: "a", count: 3000),
        ]
        for flags: UInt8 in [7, 4 | 8, 1] {
            guard
                let deflater = try? Deflater(windowBits: max(9, 8 + Int(flags & 7)), noContextTakeover: flags & 8 != 0)
            else { continue }
            var seed: [UInt8] = [flags, 255]
            for text in texts {
                var compressed = ByteBuffer()
                deflater.compress(ByteBuffer(string: text), into: &compressed)
                // Cut into frames of at most 127 bytes.
                var remaining = Array(compressed.readableBytesView)[...]
                repeat {
                    let part = remaining.prefix(127)
                    remaining = remaining.dropFirst(part.count)
                    seed.append(UInt8(part.count) | (remaining.isEmpty ? 0x80 : 0))
                    seed.append(contentsOf: part)
                } while !remaining.isEmpty
            }
            seeds.append(seed)
        }
        return seeds
    }
}
