package import NIOCore
import NIOPosix
package import WSDeflate
package import WSProtocol

/// The Autobahn|Testsuite fuzzingserver client protocol: read the case count, run every case as an echo
/// client, then ask the server to write its reports.
package struct AutobahnTestee: Sendable {
    /// The fuzzingserver's base URL, e.g. `ws://127.0.0.1:9001`.
    package var base: WebSocketURL
    /// The agent name the reports are filed under.
    package var agent: String
    /// The permessage-deflate offer, or nil for the plain run.
    package var deflate: DeflateOffer?
    /// Where progress lines go.
    package var log: @Sendable (String) -> Void

    package init(base: WebSocketURL, agent: String, deflate: DeflateOffer?, log: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.agent = agent
        self.deflate = deflate
        self.log = log
    }

    /// Runs every case the server offers and updates its reports; returns the number of cases run.
    /// - Throws: `ConnectFailure` when the server cannot be reached or does not report a case count.
    package func run(on group: any EventLoopGroup) async throws -> Int {
        let (countText, _) = try await self.session(path: "/getCaseCount", on: group.next())
        guard let countText, let count = Int(countText) else {
            throw AutobahnError.noCaseCount(received: countText)
        }
        self.log("autobahn: \(count) cases, agent \(self.agent)\(self.deflate == nil ? "" : " (permessage-deflate)")")
        let agent = Self.percentEncoded(self.agent)
        for index in 1...max(count, 1) where count > 0 {
            do {
                let (_, outcome) = try await self.session(
                    path: "/runCase?case=\(index)&agent=\(agent)",
                    on: group.next()
                )
                if index % 50 == 0 || index == count {
                    self.log("autobahn: case \(index)/\(count) closed with \(outcome.code.rawValue)")
                }
            } catch let failure as ConnectFailure {
                self.log("autobahn: case \(index)/\(count) could not open: \(failure.error.code): \(failure)")
            }
        }
        _ = try await self.session(path: "/updateReports?agent=\(agent)", on: group.next())
        return count
    }

    /// One connection: echo until closed. Returns the first text message and the close outcome.
    private func session(path: String, on eventLoop: any EventLoop) async throws -> (String?, CloseOutcome) {
        var url = self.base
        url.target = path
        var options = ConnectOptions(url: url)
        options.deflate = self.deflate
        // Case 9.x sends messages of up to 16 MiB; allow 64 MiB so the limit never decides a case.
        options.limits = Limits(maxFrameSize: 64 << 20, maxMessageSize: 64 << 20)
        options.timeouts = PhaseTimeouts(all: .seconds(30))
        let closed = eventLoop.makePromise(of: CloseOutcome.self)
        let connectOptions = options
        let result = eventLoop.flatSubmit {
            let delegate = EchoingDelegate(closed: closed)
            let bound = NIOLoopBound(delegate, eventLoop: eventLoop)
            return WebSocketConnector.connect(options: connectOptions, on: eventLoop, delegate: delegate)
                .flatMap { _ in closed.futureResult }
                .map { outcome in (bound.value.firstText, outcome) }
                .flatMapErrorThrowing { error in
                    closed.fail(error)
                    throw error
                }
        }
        return try await result.get()
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}

/// The fuzzingserver did not behave as the testee protocol expects.
package enum AutobahnError: Error, CustomStringConvertible {
    /// `/getCaseCount` did not answer with a number.
    case noCaseCount(received: String?)

    package var description: String {
        switch self {
        case .noCaseCount(let received):
            "The fuzzingserver did not send a case count (received \(received.map { "'\($0)'" } ?? "nothing"))."
        }
    }
}
