import ArgumentParser
import NIOPosix
import WSDeflate
import WSProtocol
import WSTransport

/// `wsprobe autobahn`: the Autobahn|Testsuite fuzzingserver testee.
struct AutobahnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autobahn",
        abstract: "Run as the Autobahn|Testsuite fuzzingserver's client testee (see scripts/autobahn.sh)."
    )

    @Option(help: "The fuzzingserver's URL, e.g. ws://127.0.0.1:9001.")
    var url: String

    @Option(help: "The agent name the reports are filed under.")
    var agent: String = "wsprobe"

    @Flag(help: "Offer permessage-deflate (client_max_window_bits, RFC 7692).")
    var deflate = false

    func run() async throws {
        let base = try WebSocketURL(parsing: self.url)
        let testee = AutobahnTestee(
            base: base,
            agent: self.agent,
            deflate: self.deflate ? DeflateOffer.standard : nil,
            log: { printProgress($0) }
        )
        let count = try await testee.run(on: MultiThreadedEventLoopGroup.singleton)
        print("autobahn: ran \(count) cases; reports updated for agent \(self.agent)")
    }
}
