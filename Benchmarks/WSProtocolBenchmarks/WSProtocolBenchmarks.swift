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
// reuses its buffers, so allocation counts show what the code itself allocates.

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
        text += "{\"id\":\(index),\"name\":\"café ☕ user\(index % 97)\",\"active\":\(index % 2 == 0),\"score\":\(index * 7 % 1000)},"
        index += 1
    }
    return String(decoding: text.utf8.prefix(count), as: UTF8.self)
}

/// `count` unmasked server frames of `size` payload bytes each, back to back.
func frames(_ opcode: Opcode, size: Int, count: Int) -> ByteBuffer {
    let payload = ByteBuffer(string: String(jsonText(size).utf8.prefix(size).map { $0 < 0x80 ? Character(UnicodeScalar($0)) : "x" }))
    var output = ByteBuffer()
    for _ in 0..<count {
        FrameEncoder.writeFrame(fin: true, reservedBits: [], opcode: opcode, maskingKey: nil, payload: payload, into: &output)
    }
    return output
}

let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    warmupIterations: 10,
    maxDuration: .seconds(2),
    maxIterations: 100_000
)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = configuration

    Benchmark("decode 64 B text frames ×1000") { benchmark in
        let input = frames(.text, size: 64, count: batch)
        var parser = FrameParser(role: .client)
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

    for (name, size, count) in [("encode+mask 64 B message ×1000", 64, batch), ("encode+mask 64 KiB message", 65536, 1)] {
        Benchmark(name) { benchmark in
            let payload = ByteBuffer(repeating: 0x61, count: size)
            let encoder = FrameEncoder(role: .client)
            var random = BenchRandom()
            var output = ByteBuffer()
            output.reserveCapacity(count * encoder.encodedSize(payloadLength: size))
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

    Benchmark("mask 1 MiB") { benchmark in
        var buffer = ByteBuffer(repeating: 0x5A, count: 1 << 20)
        let key = MaskingKey(0x37, 0xFA, 0x21, 0x3D)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            buffer.withUnsafeMutableReadableBytes { Masking.apply(key, to: $0) }
        }
        blackHole(buffer.readableBytes)
    }

    Benchmark("memcpy 1 MiB (reference)") { benchmark in
        let source = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        let destination = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
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
            compressed.reserveCapacity(2048)
            inflated.reserveCapacity(2048)
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
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var buffer = input
            var delivered = 0
            var result = machine.receive(&buffer, into: &actions)
            while true {
                for action in actions {
                    if case .deliver(let message) = action {
                        delivered &+= message.payload.readableBytes
                    }
                }
                actions.removeAll(keepingCapacity: true)
                guard result == .pausedAfterMessage else { break }
                result = machine.continueReceiving(into: &actions)
            }
            precondition(delivered == 64 * batch)
        }
    }
}
