import Testing

@testable import LoadMetrics

@Suite("LatencyHistogram recording and percentiles")
struct LatencyHistogramTests {
    @Test("Uniform values 1...10,000 µs give percentiles within 0.1 % of the exact ones")
    func uniformDistribution() {
        var histogram = LatencyHistogram()
        for value in UInt64(1)...10_000 { histogram.record(value) }
        #expect(histogram.count == 10_000)
        #expect(histogram.min == 1)
        #expect(histogram.max == 10_000)
        #expect(abs(histogram.mean - 5_000.5) < 5)
        for (percentile, exact) in [(50.0, 5_000.0), (90, 9_000), (99, 9_900), (99.9, 9_990)] {
            let value = Double(histogram.value(atPercentile: percentile))
            #expect(abs(value - exact) <= exact * 0.001 + 1, "p\(percentile) = \(value)")
        }
        // Standard deviation of a discrete uniform 1...n is √((n²−1)/12) ≈ 2886.75.
        #expect(abs(histogram.standardDeviation - 2_886.75) < 3)
    }

    @Test("A single repeated value is every percentile, exactly")
    func constantDistribution() {
        var histogram = LatencyHistogram()
        histogram.record(1_234, count: 1_000)
        for percentile in checkedPercentiles {
            #expect(histogram.value(atPercentile: percentile) == 1_234)
        }
        #expect(histogram.summary.p9999 == 1_234)
        #expect(histogram.summary.standardDeviation == 0)
    }

    @Test("Bimodal values: p50 lies in the low mode and p99 in the high mode")
    func bimodalDistribution() {
        var histogram = LatencyHistogram()
        histogram.record(100, count: 980)
        histogram.record(50_000, count: 20)
        #expect(histogram.value(atPercentile: 50) == 100)
        #expect(histogram.value(atPercentile: 98) == 100)
        let p99 = histogram.value(atPercentile: 99)
        #expect(p99 >= 50_000 && p99 <= 50_050)
        #expect(histogram.max == 50_000)
    }

    @Test("Values above 60 s are counted as overflow, not recorded and not dropped")
    func overflowIsCounted() {
        var histogram = LatencyHistogram()
        let atLimit = histogram.record(60_000_000)
        let aboveLimit = histogram.record(60_000_001)
        let maximum = histogram.record(UInt64.max)
        #expect(atLimit)
        #expect(!aboveLimit)
        #expect(!maximum)
        histogram.record(90_000_000, count: 5)
        #expect(histogram.count == 1)
        #expect(histogram.overflowCount == 7)
        #expect(histogram.max == 60_000_000)
        #expect(histogram.summary.overflowCount == 7)
    }

    @Test(
        "An empty histogram (no bucket array yet) knows its layout, merges, and records after a reset",
        arguments: [true, false]
    )
    func emptyHistogramBehaves(standardLayout: Bool) throws {
        let configuration =
            standardLayout
            ? .latencyMicroseconds
            : try #require(
                HistogramConfiguration(lowestDiscernibleValue: 1, highestTrackableValue: 1_000, significantDigits: 2)
            )
        var recorded = LatencyHistogram(configuration: configuration)
        recorded.record(777)
        let empty = LatencyHistogram(configuration: configuration)
        #expect(empty.lowestEquivalentValue(777) == recorded.lowestEquivalentValue(777))
        #expect(empty.highestEquivalentValue(777) == recorded.highestEquivalentValue(777))
        #expect(empty.percentileSpectrum(ticksPerHalfDistance: 1).isEmpty)
        var merged = LatencyHistogram(configuration: configuration)
        merged.merge(empty)
        #expect(merged.isEmpty)
        merged.merge(recorded)
        merged.record(777)
        #expect(merged.count == 2)
        #expect(recorded.count == 1)  // the shared buckets were copied on write, not changed
        merged.reset()
        #expect(merged.isEmpty && merged.max == 0)
        merged.record(5)
        #expect(merged.count == 1 && merged.min == 5)
    }

    @Test("An empty histogram reads as zeros")
    func emptyHistogram() {
        let histogram = LatencyHistogram()
        #expect(histogram.isEmpty)
        #expect(
            histogram.summary
                == HistogramSummary(
                    count: 0,
                    overflowCount: 0,
                    min: 0,
                    max: 0,
                    mean: 0,
                    standardDeviation: 0,
                    p50: 0,
                    p90: 0,
                    p95: 0,
                    p99: 0,
                    p999: 0,
                    p9999: 0
                )
        )
        #expect(histogram.percentileSpectrum().isEmpty)
    }

    @Test("Corrected recording back-fills the samples a stalled closed loop missed")
    func correctedRecording() {
        var histogram = LatencyHistogram()
        histogram.recordCorrected(100, expectedInterval: 30)
        // 100, 70, 40 (HdrHistogram's recordCorrectedValue).
        #expect(histogram.count == 3)
        #expect(histogram.min == 40)
        histogram.recordCorrected(20, expectedInterval: 30)
        #expect(histogram.count == 4)
    }

    @Test("The percentile spectrum rises monotonically and ends at 100 % with the maximum")
    func percentileSpectrum() throws {
        var histogram = LatencyHistogram()
        var random = TestRandom(seed: 7)
        for _ in 0..<100_000 { histogram.record(random.latency() % 1_000_000) }
        let spectrum = histogram.percentileSpectrum(ticksPerHalfDistance: 5)
        let last = try #require(spectrum.last)
        #expect(last.percentile == 100)
        #expect(last.value == histogram.max)
        #expect(last.countAtOrBelow == histogram.count)
        for (previous, next) in zip(spectrum, spectrum.dropFirst()) {
            #expect(previous.percentile <= next.percentile)
            #expect(previous.value <= next.value)
        }
        #expect(spectrum.count > 50)
    }

    @Test("Reset empties values and overflow")
    func reset() {
        var histogram = LatencyHistogram()
        histogram.record(5)
        histogram.record(70_000_000)
        histogram.reset()
        #expect(histogram == LatencyHistogram())
    }
}
