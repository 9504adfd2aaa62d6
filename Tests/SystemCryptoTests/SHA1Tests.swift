import SystemCrypto
import Testing

@Suite("SHA-1 and the secure random generator on OpenSSL")
struct SystemCryptoTests {
    @Test("SHA-1 of 'abc' matches the FIPS 180 test vector")
    func sha1OfABCMatchesFIPSVector() {
        let digest = SHA1.digest(Array("abc".utf8))
        let hex = digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        #expect(hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test("SHA-1 of the empty input matches the known digest")
    func sha1OfEmptyInput() {
        let hex = SHA1.digest([]).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        #expect(hex == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    @Test("secure random values differ across refills and draws")
    func secureRandomValuesDiffer() {
        var generator = SecureRandom()
        var seen = Set<UInt64>()
        // 2,000 draws cross many buffer refills; a repeat of a 64-bit value would mean a broken source.
        for _ in 0..<2_000 {
            seen.insert(generator.next())
        }
        #expect(seen.count == 2_000)
    }

    @Test("secure random bytes are roughly uniform over many draws")
    func secureRandomBitsAreBalanced() {
        var generator = SecureRandom()
        var ones = 0
        let draws = 10_000
        for _ in 0..<draws {
            ones += generator.next().nonzeroBitCount
        }
        let ratio = Double(ones) / Double(draws * 64)
        #expect(abs(ratio - 0.5) < 0.01)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - self.count)) + self
    }
}
