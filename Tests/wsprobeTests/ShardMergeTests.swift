import Foundation
import TestSupport
import Testing

/// The shard-and-merge path with real processes: N `wsprobe run --shard i/N` against one `wsprobe serve`,
/// then `wsprobe merge`, through `scripts/shard-merge-demo.sh`, which compares every total.
@Suite("Shard and merge with separate processes")
struct ShardMergeTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/shard-merge-demo.sh").path

    @Test("three shard processes merge into exactly the totals of their union")
    func threeShardsMergeExactly() async throws {
        let result = try await PeerCommand.run(
            "/usr/bin/env",
            ["WSPROBE_BIN=\(WSProbeBinary.path)", "CONNECTIONS=60", "HOLD=2s", "bash", Self.script, "3"],
            timeout: .seconds(180)
        )
        let output = String(decoding: result.output, as: UTF8.self)
        #expect(result.status == 0, "\(output)\(result.error)")
        #expect(output.contains("message_rtt histogram: merged buckets equal the union of the shards' buckets"))
        #expect(output.contains("connect_total histogram: merged buckets equal the union of the shards' buckets"))
        #expect(output.contains("shards: 0/3, 1/3, 2/3"))
        let attempts = try #require(output.split(separator: "\n").first { $0.hasPrefix("connection_attempts") })
        #expect(attempts.split(separator: " ").suffix(2).allSatisfy { $0 == "60" }, "\(attempts)")
    }
}
