import Foundation

/// Puts each `[integer, integer]` array of pretty-printed JSON on one line.
///
/// Histograms are written as `[value, count]` pairs; pretty printing spreads each over four lines, which
/// makes up most of a long run's report.json. An array is joined only when it starts with a line break:
/// a JSON string cannot hold a raw line break, so text inside strings is never touched.
enum JSONPairLines {
    /// `data` with every pretty-printed pair of unsigned integers on one line as `[a, b]`.
    static func joined(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), let (first, second, end) = Self.pair(in: bytes, from: index) {
                output.append(UInt8(ascii: "["))
                output.append(contentsOf: bytes[first])
                output.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")])
                output.append(contentsOf: bytes[second])
                output.append(UInt8(ascii: "]"))
                index = end
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return Data(output)
    }

    /// The two integers of a pretty-printed pair whose `[` is at `start`, and the index after its `]`.
    private static func pair(in bytes: [UInt8], from start: Int) -> (Range<Int>, Range<Int>, Int)? {
        var index = start + 1
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\n") else { return nil }
        index = Self.skipSpace(bytes, index)
        let first = Self.digits(bytes, index)
        guard !first.isEmpty else { return nil }
        index = Self.skipSpace(bytes, first.upperBound)
        guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
        index = Self.skipSpace(bytes, index + 1)
        let second = Self.digits(bytes, index)
        guard !second.isEmpty else { return nil }
        index = Self.skipSpace(bytes, second.upperBound)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "]") else { return nil }
        return (first, second, index + 1)
    }

    private static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n") {
            index += 1
        }
        return index
    }

    private static func digits(_ bytes: [UInt8], _ start: Int) -> Range<Int> {
        var index = start
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return start..<index
    }
}
