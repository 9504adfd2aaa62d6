import Dispatch
import LoadRunner

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM during a run: ignored by the default handler and turned into a stop request, so the
/// run closes its connections, takes a final snapshot and writes its result before exiting with 130.
final class InterruptSignals {
    private let sources: [any DispatchSourceSignal]

    init(stop: StopSignal) {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.request() }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Stops listening; the signals stay ignored until the process exits.
    func cancel() {
        for source in self.sources { source.cancel() }
    }
}
