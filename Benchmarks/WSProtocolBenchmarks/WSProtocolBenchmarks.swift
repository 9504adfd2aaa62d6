import Benchmark
import NIOCore
import WSDeflate
import WSProtocol

// Micro-benchmarks of the protocol core (issue 2 item 8), run by scripts/bench-micro.sh in release mode.
//
// Every benchmark iteration does a fixed amount of work, named in the benchmark's name (`×1000` = one
// iteration handles 1000 frames or messages); scripts/bench-summary.py turns the per-iteration figures into
// per-operation times, bytes per second and allocations per operation. Inputs are built in each
// benchmark's setup (outside the measurement) and buffers are reused across iterations, as a connection
// reuses its buffers, so allocation counts show what the code itself allocates. package-benchmark runs the
// closure once per sample, so stateful benchmarks do one operation before `startMeasurement()`: one-time
// costs of a fresh connection (zlib's 32 KiB window, a buffer's first growth) stay out of the figures.

/// Frames or messages per iteration in the small-message benchmarks.
let batch = 1000

/// A deterministic generator for masking keys.
struct BenchRandom: RandomNumberGenerator {
    var state: UInt64 = 0x1234_5678

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// `count` bytes of JSON-like text with some two- and three-byte UTF-8 characters.
func jsonText(_ count: Int) -> String {
    var text = ""
    var index = 0
    while text.utf8.count < count {
        text +=
            "{\"id\":\(index),\"name\":\"café ☕ user\(index % 97)\",\"active\":\(index % 2 == 0),\"score\":\(index * 7 % 1000)},"
        index += 1
    }
    return String(decoding: text.utf8.prefix(count), as: UTF8.self)
}

/// `count` unmasked server frames of `size` payload bytes each, back to back.
func frames(_ opcode: Opcode, size: Int, count: Int) -> ByteBuffer {
    let payload = ByteBuffer(
        string: String(jsonText(size).utf8.prefix(size).map { $0 < 0x80 ? Character(UnicodeScalar($0)) : "x" })
    )
    var output = ByteBuffer()
    for _ in 0..<count {
        FrameEncoder.writeFrame(
            fin: true,
            reservedBits: [],
            opcode: opcode,
            maskingKey: nil,
            payload: payload,
            into: &output
        )
    }
    return output
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .mallocBytesCount],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    Benchmark("decode 64 B text frames ×1000") { benchmark in
        let input = frames(.text, size: 64, count: batch)
        var parser = FrameParser(role: .client)
        var warmUp = input
        blackHole(try parser.nextFrame(from: &warmUp))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var buffer = input
            var decoded = 0
            while let frame = try parser.nextFrame(from: &buffer) {
                decoded &+= frame.payload.readableBytes
            }
            blackHole(decoded)
        }
    }

    Benchmark("decode 64 KiB binary frame") { benchmark in
        let input = frames(.binary, size: 64 * 1024, count: 1)
        var parser = FrameParser(role: .client)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var buffer = input
            blackHole(try parser.nextFrame(from: &buffer))
        }
    }

    for (name, size, count) in [
        ("encode+mask 64 B message ×1000", 64, batch), ("encode+mask 64 KiB message", 65536, 1),
    ] {
        Benchmark(name) { benchmark in
            let payload = ByteBuffer(repeating: 0x61, count: size)
            let encoder = FrameEncoder(role: .client)
            var random = BenchRandom()
            var output = ByteBuffer()
            output.reserveCapacity(count * encoder.encodedSize(payloadLength: size))
            encoder.writeMessage(opcode: .binary, payload: payload, into: &output, using: &random)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                output.clear()
                for _ in 0..<count {
                    encoder.writeMessage(opcode: .binary, payload: payload, into: &output, using: &random)
                }
                blackHole(output.readableBytes)
            }
        }
    }

    // 1 MiB stays in the CPU caches; 64 MiB does not, so it shows main-memory bandwidth.
    for (label, size) in [("1 MiB", 1 << 20), ("64 MiB", 64 << 20)] {
        Benchmark("mask \(label)") { benchmark in
            var buffer = ByteBuffer(repeating: 0x5A, count: size)
            let key = MaskingKey(0x37, 0xFA, 0x21, 0x3D)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                buffer.withUnsafeMutableReadableBytes { Masking.apply(key, to: $0) }
            }
            blackHole(buffer.readableBytes)
        }

        Benchmark("memcpy \(label) (reference)") { benchmark in
            let source = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64)
            let destination = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64)
            source.initializeMemory(as: UInt8.self, repeating: 0x5A)
            destination.initializeMemory(as: UInt8.self, repeating: 0)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                destination.copyMemory(from: UnsafeRawBufferPointer(source))
                blackHole(destination.baseAddress)
            }
            benchmark.stopMeasurement()
            source.deallocate()
            destination.deallocate()
        }
    }

    Benchmark("UTF-8 validate 1 MiB") { benchmark in
        let text = ByteBuffer(string: jsonText(1 << 20))
        var validator = UTF8Validator()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            validator.reset()
            try validator.feed(text)
            try validator.finish()
        }
    }

    for takeover in [true, false] {
        let name = "deflate+inflate 1 KiB JSON, \(takeover ? "context takeover" : "no context takeover")"
        Benchmark(name) { benchmark in
            let parameters = DeflateParameters(
                serverNoContextTakeover: !takeover,
                clientNoContextTakeover: !takeover
            )
            let client = try PerMessageDeflate(parameters: parameters, role: .client)
            let server = try PerMessageDeflate(parameters: parameters, role: .server)
            let message = ByteBuffer(string: jsonText(1024))
            var compressed = ByteBuffer()
            var inflated = ByteBuffer()
            client.compress(message, into: &compressed)
            try server.decompress(compressed, isFinal: true, into: &inflated, limit: 1 << 20)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                compressed.clear()
                inflated.clear()
                client.compress(message, into: &compressed)
                try server.decompress(compressed, isFinal: true, into: &inflated, limit: 1 << 20)
            }
            blackHole(inflated.readableBytes)
        }
    }

    Benchmark("client receive 64 B text messages ×1000") { benchmark in
        let input = frames(.text, size: 64, count: batch)
        var machine = ConnectionStateMachine(role: .client, random: BenchRandom())
        var actions: [ConnectionAction] = []
        actions.reserveCapacity(16)
        blackHole(receiveAll(input, into: &machine, actions: &actions))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            precondition(receiveAll(input, into: &machine, actions: &actions) == 64 * batch)
        }
    }

    // Compressed messages as a server sends them; the application keeps each message until the next arrives
    // (as an echo with a pending write does), so each inflates into a new buffer. Without server context
    // takeover, so the same bytes can be received again in every iteration.
    Benchmark("client receive 1 KiB compressed JSON messages ×100") { benchmark in
        let parameters = DeflateParameters(serverNoContextTakeover: true)
        let server = try PerMessageDeflate(parameters: parameters, role: .server)
        let client = try PerMessageDeflate(parameters: parameters, role: .client)
        var input = ByteBuffer()
        var expected = 0
        for index in 0..<101 {
            var compressed = ByteBuffer()
            let text = jsonText(1024 + index)
            expected += index == 0 ? 0 : text.utf8.count
            server.compress(ByteBuffer(string: text), into: &compressed)
            FrameEncoder.writeFrame(
                fin: true,
                reservedBits: .rsv1,
                opcode: .text,
                maskingKey: nil,
                payload: compressed,
                into: &input
            )
        }
        var machine = ConnectionStateMachine(role: .client, compression: client, random: BenchRandom())
        var actions: [ConnectionAction] = []
        actions.reserveCapacity(16)
        // The first message (outside the measurement) allocates zlib's window.
        var first = ByteBuffer()
        let firstLength = input.getInteger(at: 1, as: UInt8.self).map { Int($0 & 0x7F) } ?? 0
        let firstSize = firstLength < 126 ? 2 + firstLength : 4 + Int(input.getInteger(at: 2, as: UInt16.self) ?? 0)
        first = input.readSlice(length: firstSize) ?? first
        blackHole(receiveAll(first, into: &machine, actions: &actions))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            precondition(receiveAll(input, into: &machine, actions: &actions) == expected)
        }
    }
}

/// Feeds `input` to `machine` as one read, handling every message; returns the payload bytes delivered.
///
/// The latest delivered message is kept until the next one arrives, as an application would.
func receiveAll<Random: RandomNumberGenerator>(
    _ input: ByteBuffer,
    into machine: inout ConnectionStateMachine<Random>,
    actions: inout [ConnectionAction]
) -> Int {
    var buffer = input
    var delivered = 0
    var kept: Message?
    var result = machine.receive(&buffer, into: &actions)
    while true {
        for action in actions {
            if case .deliver(let message) = action {
                delivered &+= message.payload.readableBytes
                kept = message
            }
        }
        actions.removeAll(keepingCapacity: true)
        guard result == .pausedAfterMessage else { break }
        result = machine.continueReceiving(into: &actions)
    }
    blackHole(kept)
    return delivered
}
