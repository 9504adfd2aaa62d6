import Foundation
import LoadMetrics
import Testing

@testable import RunResults

@Suite("JSON pair lines")
struct JSONPairLinesTests {
    @Test("Pretty-printed [integer, integer] pairs go on one line; everything else is untouched")
    func joinsPairs() throws {
        let value: [String: [[UInt64]]] = [
            "buckets": [[1500, 3], [18_446_744_073_709_551_615, 1]], "triples": [[1, 2, 3]],
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let pretty = try encoder.encode(value)
        let joined = String(decoding: JSONPairLines.joined(pretty), as: UTF8.self)
        #expect(joined.contains("[1500, 3],\n"))
        #expect(joined.contains("[18446744073709551615, 1]\n"))
        #expect(!joined.contains("[1, 2, 3]"), "only pairs are joined")
        #expect(try JSONDecoder().decode([String: [[UInt64]]].self, from: Data(joined.utf8)) == value)
    }

    @Test("Text inside strings is never changed, even when it looks like a pair")
    func stringsUntouched() throws {
        let value = ["a": "[\n  1,\n  2\n]", "b": "[1,2]"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let pretty = try encoder.encode(value)
        let joined = JSONPairLines.joined(pretty)
        #expect(joined == pretty)
        #expect(try JSONDecoder().decode([String: String].self, from: joined) == value)
    }

    @Test("report.json holds histogram buckets one per line and decodes to the same result")
    func reportBuckets() throws {
        var metrics = MetricsSnapshot()
        for value in [40, 41, 41, 1500] as [UInt64] { metrics.record(.messageRTT, value) }
        let result = Results.result(metrics: metrics)
        let text = String(decoding: try result.jsonData(), as: UTF8.self)
        #expect(text.contains("[40, 1],\n") && text.contains("[41, 2],\n"))
        #expect(try RunResult.decode(Data(text.utf8), source: "report.json") == result)
    }
}
