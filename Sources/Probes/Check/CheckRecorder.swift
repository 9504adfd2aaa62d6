package import RunResults

/// What `wsprobe check` records on its one connection while it runs: every phase with its time and detail,
/// the exchange, the echoes and the close. Not a result of its own: `runResult(...)` turns it into the
/// check's `RunResult`, which every output (console, `--json`, report files) shows.
package struct CheckRecorder: Sendable, Equatable {
    /// One phase's line: name, duration (nil when it did not run) and what it established.
    package struct Phase: Sendable, Equatable {
        package var name: String
        package var milliseconds: Double?
        package var detail: String
        package var passed: Bool

        package init(name: String, milliseconds: Double?, detail: String, passed: Bool = true) {
            self.name = name
            self.milliseconds = milliseconds
            self.detail = detail
            self.passed = passed
        }
    }

    package var url: String
    package var passed: Bool
    package var failure: CheckFailure?
    package var insecure: Bool
    package var resolvedAddresses: [String] = []
    package var remoteAddress: String?
    package var localAddress: String?
    package var phases: [Phase] = []
    package var requestHead: [String] = []
    package var responseHead: [String] = []
    package var subprotocol: String?
    /// The extensions the server accepted, as its `Sec-WebSocket-Extensions` header would say.
    package var extensions: String?
    package var tls: TLSFacts?
    package var echoMilliseconds: [Double] = []
    /// Set when every echo came back.
    package var echoBytes: EchoBytes?
    package var pingMilliseconds: Double?
    /// Messages the server sent on its own (not an echo of what was sent), and the first few described.
    package var unsolicitedMessages = 0
    package var unsolicitedSamples: [String] = []
    package var close: CloseFacts?
    package var totalMilliseconds: Double?

    package init(url: String, insecure: Bool) {
        self.url = url
        self.passed = false
        self.insecure = insecure
    }
}
