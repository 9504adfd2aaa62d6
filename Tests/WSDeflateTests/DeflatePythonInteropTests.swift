import Foundation
import NIOCore
import TestSupport
import Testing
import WSDeflate
import WSProtocol

private let pythonExecutable: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// Checks our deflate output against an independent implementation: Python's zlib module (CPython's
/// binding of the system zlib, but driven through its own API), and inflates what Python compresses.
@Suite("Interop with Python's zlib", .enabled(if: pythonExecutable != nil, "needs python3"))
struct DeflatePythonInteropTests {

    private func run(_ script: String, arguments: [String], input: String) throws -> [String] {
        let run = try ChildProcess.runBlocking(
            pythonExecutable ?? "/usr/bin/python3",
            ["-c", script] + arguments,
            input: Array(input.utf8)
        )
        #expect(run.status == 0, "\(run.error)")
        return run.outputText.split(separator: "\n").map(String.init)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    private func unhex(_ text: String) -> [UInt8] {
        if text == "-" { return [] }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    @Test("Python inflates what we deflate, with context takeover, for windows 9-15", arguments: [9, 11, 15])
    func pythonInflatesOurs(windowBits: Int) throws {
        let payloads = [0, 5, 300, 20_000, 5, 70_000].enumerated().map { samplePayload(size: $1, seed: UInt64($0)) }
        let deflater = try Deflater(windowBits: windowBits, noContextTakeover: false)
        var lines: [String] = []
        for payload in payloads {
            var output = ByteBuffer()
            deflater.compress(ByteBuffer(bytes: payload), into: &output)
            lines.append(self.hex(bytes(of: output)))
        }
        let script = """
            import sys, zlib
            d = zlib.decompressobj(-int(sys.argv[1]))
            for line in sys.stdin.read().split():
                print(d.decompress(bytes.fromhex(line) + b'\\x00\\x00\\xff\\xff').hex() or '-')
            """
        let inflated = try self.run(script, arguments: ["\(windowBits)"], input: lines.joined(separator: "\n"))
        #expect(inflated.map(self.unhex) == payloads)
    }

    @Test("we inflate what Python deflates with a sync flush, with context takeover", arguments: [9, 15])
    func weInflatePythons(windowBits: Int) throws {
        let payloads = [7, 0, 1_000, 50_000, 7].enumerated().map { samplePayload(size: $1, seed: 40 + UInt64($0)) }
        let script = """
            import sys, zlib
            c = zlib.compressobj(6, zlib.DEFLATED, -int(sys.argv[1]))
            for line in sys.stdin.read().split():
                data = b'' if line == '-' else bytes.fromhex(line)
                out = c.compress(data) + c.flush(zlib.Z_SYNC_FLUSH)
                assert out.endswith(b'\\x00\\x00\\xff\\xff')
                print(out[:-4].hex() or '-')
            """
        let input = payloads.map { $0.isEmpty ? "-" : self.hex($0) }.joined(separator: "\n")
        let compressed = try self.run(script, arguments: ["\(windowBits)"], input: input)
        let inflater = try Inflater(windowBits: windowBits, noContextTakeover: false)
        var results: [[UInt8]] = []
        for line in compressed {
            var output = ByteBuffer()
            try inflater.decompress(ByteBuffer(bytes: self.unhex(line)), isFinal: true, into: &output, limit: 1 << 20)
            results.append(bytes(of: output))
        }
        #expect(results == payloads)
    }
}
