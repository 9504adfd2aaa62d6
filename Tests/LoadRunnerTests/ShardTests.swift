import Testing

@testable import LoadRunner

@Suite("Shard")
struct ShardTests {
    @Test(
        "i/N parses with indexes from 0",
        arguments: [("0/1", 0, 1), ("2/3", 2, 3), (" 1 / 4 ", 1, 4), ("0/100", 0, 100)]
    )
    func parsesValidShards(text: String, index: Int, count: Int) throws {
        let shard = try Shard(parsing: text)
        #expect(shard.index == index)
        #expect(shard.count == count)
        #expect(shard.description == "\(index)/\(count)")
    }

    @Test(
        "Malformed or out-of-range shards are rejected with a stable code",
        arguments: [
            ("", "shard.malformed"), ("3", "shard.malformed"), ("1/2/3", "shard.malformed"), ("a/2", "shard.malformed"),
            ("-1/2", "shard.malformed"), ("1/", "shard.malformed"), ("/2", "shard.malformed"),
            ("+1/2", "shard.malformed"),
            ("0/0", "shard.count"), ("3/3", "shard.index"), ("7/2", "shard.index"),
            ("1/99999999999999999999999", "shard.malformed"),
        ]
    )
    func rejectsInvalidShards(text: String, code: String) {
        do {
            let shard = try Shard(parsing: text)
            Issue.record("'\(text)' parsed as \(shard)")
        } catch {
            #expect(error.code == code)
            #expect(!error.description.isEmpty)
        }
    }

    @Test("1000 connections over 3 shards split 334/333/333")
    func knownSplit() throws {
        let shares = try (0..<3).map { try Shard(index: $0, count: 3).share(of: 1000) }
        #expect(shares == [334, 333, 333])
        let ranges = try (0..<3).map { try Shard(index: $0, count: 3).range(of: 1000) }
        #expect(ranges == [0..<334, 334..<667, 667..<1000])
    }

    @Test("For many totals and shard counts the shares differ by at most one and tile the whole")
    func sharesTileTheWhole() throws {
        for count in 1...17 {
            for total in [0, 1, 2, 5, 16, 17, 100, 999, 1000, 1001, 50_000, 1_000_003] {
                let shards = try (0..<count).map { try Shard(index: $0, count: count) }
                let shares = shards.map { $0.share(of: total) }
                #expect(shares.reduce(0, +) == total)
                #expect((shares.max() ?? 0) - (shares.min() ?? 0) <= 1)
                var next = 0
                for shard in shards {
                    let range = shard.range(of: total)
                    #expect(range.lowerBound == next)
                    next = range.upperBound
                }
                #expect(next == total)
                let rates = shards.map { $0.share(ofRate: Double(total)) }
                #expect(abs(rates.reduce(0, +) - Double(total)) < 1e-6 * Double(Swift.max(total, 1)))
            }
        }
        #expect(Shard.whole.share(of: -5) == 0)
    }

    @Test("Splitting a shard among workers keeps its share exactly and partitions the whole")
    func subshardsCompose() throws {
        for machines in 1...5 {
            for workers in 1...4 {
                for total in [0, 1, 7, 10, 999, 1000, 12_345] {
                    var allIndexes: [Int] = []
                    for machine in 0..<machines {
                        let shard = try Shard(index: machine, count: machines)
                        let parts = try (0..<workers).map { try shard.subshard($0, of: workers) }
                        #expect(parts.map { $0.share(of: total) }.reduce(0, +) == shard.share(of: total))
                        allIndexes += parts.flatMap { Array($0.range(of: total)) }
                    }
                    #expect(allIndexes.sorted() == Array(0..<total))
                }
            }
        }
        #expect(throws: ShardError.self) { try Shard.whole.subshard(2, of: 2) }
    }

    @Test("Worker pacers of all shards interleave into the whole constant schedule")
    func subshardPacersInterleave() throws {
        var whole = Pacer(ratePerSecond: 600, startNanoseconds: 0)
        let expected = whole.takeDue(atNanoseconds: 1_000_000_000)
        var union: [UInt64] = []
        for machine in 0..<3 {
            let shard = try Shard(index: machine, count: 3)
            for worker in 0..<2 {
                var pacer = Pacer(
                    ratePerSecond: 600,
                    startNanoseconds: 0,
                    shard: try shard.subshard(worker, of: 2)
                )
                union += pacer.takeDue(atNanoseconds: 1_000_000_000)
            }
        }
        #expect(expected.count == 601)
        #expect(union.sorted() == expected)
    }
}
