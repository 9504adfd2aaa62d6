import Testing

@testable import LoadMetrics

@Suite("MetricsRecorder")
struct MetricsRecorderTests {
    @Test("Metric names are the stable catalogue names and round-trip")
    func names() {
        #expect(
            HistogramMetric.allCases.map(\.name) == [
                "dns", "tcp_connect", "tls_handshake", "ws_upgrade", "connect_total",
                "first_message", "message_rtt", "ping_rtt", "close_handshake", "reconnect",
            ]
        )
        for metric in HistogramMetric.allCases { #expect(HistogramMetric(name: metric.name) == metric) }
        for counter in CounterMetric.allCases { #expect(CounterMetric(name: counter.name) == counter) }
        #expect(HistogramMetric(name: "rtt") == nil)
    }

    @Test("Nanoseconds are rounded to the nearest microsecond")
    func nanosecondRounding() {
        var recorder = MetricsRecorder()
        recorder.record(.pingRTT, nanoseconds: 1_499)
        recorder.record(.pingRTT, nanoseconds: 1_500)
        recorder.record(.tcpConnect, fromNanoseconds: 10_000, toNanoseconds: 52_400)
        let snapshot = recorder.snapshot().total
        #expect(snapshot[.pingRTT].min == 1)
        #expect(snapshot[.pingRTT].max == 2)
        #expect(snapshot[.tcpConnect].max == 42)
    }

    @Test("A duration that ends before it starts counts as overflow, not as 0")
    func negativeDurationIsOverflow() {
        var recorder = MetricsRecorder()
        recorder.record(.messageRTT, fromNanoseconds: 2_000, toNanoseconds: 1_000)
        recorder.record(.messageRTT, nanoseconds: 61_000_000_000)
        recorder.record(.messageRTT, nanoseconds: .max)
        let snapshot = recorder.snapshot().total
        #expect(snapshot[.messageRTT].count == 0)
        #expect(snapshot.overflowCount(.messageRTT) == 3)
        #expect(snapshot.overflowCount(.dns) == 0)
    }

    @Test("An interval snapshot holds only what was recorded since the previous reset; the total holds all")
    func intervalsAndTotal() {
        var recorder = MetricsRecorder()
        recorder.record(.messageRTT, microseconds: 100)
        recorder.increment(.messagesSent)
        recorder.connectionOpened()
        recorder.connectionOpened()
        let first = recorder.snapshot()
        #expect(first.interval[.messagesSent] == 1)
        #expect(first.total[.messagesSent] == 1)
        #expect(first.interval.connectionsOpen == 2)

        recorder.record(.messageRTT, microseconds: 300)
        recorder.increment(.messagesSent, by: 4)
        recorder.recordError(code: "protocol.invalid-utf8")
        recorder.connectionClosed()
        let peek = recorder.snapshot(resetInterval: false)
        #expect(peek.interval[.messagesSent] == 4)
        #expect(peek.total[.messagesSent] == 5)

        let second = recorder.snapshot()
        #expect(second == peek)
        #expect(second.interval[.messageRTT].count == 1)
        #expect(second.interval[.messageRTT].min == 300)
        #expect(second.interval.errors == ["protocol.invalid-utf8": 1])
        #expect(second.total[.messageRTT].count == 2)
        #expect(second.total.connectionsOpen == 1)
        #expect(second.interval.connectionsOpen == 1)

        let third = recorder.snapshot()
        #expect(third.interval[.messagesSent] == 0)
        #expect(third.interval[.messageRTT].isEmpty)
        #expect(third.total == second.total)
    }

    @Test("Closed-loop corrected recording back-fills into the metric's histogram")
    func correctedRecording() {
        var recorder = MetricsRecorder()
        recorder.recordCorrected(.messageRTT, microseconds: 1_000, expectedIntervalMicroseconds: 250)
        let rtt = recorder.snapshot().total[.messageRTT]
        #expect(rtt.count == 4)  // 1000, 750, 500, 250
        #expect(rtt.min == 250)
    }

    @Test("The open-connections gauge never goes below zero")
    func gaugeFloor() {
        var recorder = MetricsRecorder()
        recorder.connectionClosed()
        #expect(recorder.connectionsOpen == 0)
    }
}
