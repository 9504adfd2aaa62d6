import ArgumentParser
import Dispatch
import Foundation
import Scenario
import WSTransport

/// `wsprobe serve`: the WebSocket echo target (see docs/serve.md). Runs until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a WebSocket echo target that reports its identity, for checks, load tests and ALB targets.",
        discussion: """
            Echoes text and binary messages, answers the text message 'whoami' with --id, and names --id in the \
            X-Wsprobe-Target header of every 101. GET /health without Upgrade answers 200 'ok <id>'. Prints \
            'listening on ws://HOST:PORT/ (id NAME)' once ready; stops on SIGINT/SIGTERM, closing connections \
            with 1001. Durations: 250ms, 2s, 1m. See docs/serve.md.
            """
    )

    @Option(help: "Address to bind (0.0.0.0 or :: for all interfaces, e.g. behind a load balancer).")
    var host = "127.0.0.1"
    @Option(help: "Port to bind; 0 picks a free port (printed on the 'listening on' line).")
    var port = 0
    @Option(name: .customLong("id"), help: "This target's identity (default: the host name).")
    var identity: String?
    @Option(help: "The response header that carries the identity.")
    var identityHeader = EchoServerConfiguration.defaultIdentityHeaderName
    @Option(
        name: .customLong("subprotocol"),
        help: "A subprotocol to accept (repeatable); the client's first match wins."
    )
    var subprotocols: [String] = []
    @Flag(inversion: .prefixedNo, help: "Accept permessage-deflate offers.")
    var deflate = true
    @Option(help: "TLS certificate chain (PEM); serves wss:// with --key.")
    var cert: String?
    @Option(help: "TLS private key (PEM).")
    var key: String?
    @Option(help: "Require client certificates from this CA (PEM), for mTLS.")
    var clientCA: String?
    @Option(help: "Most connections open at once; more are answered 503.")
    var maxConnections: Int?
    @Option(help: "Listen backlog.")
    var backlog = Int(EchoServerConfiguration.defaultBacklog)
    @Option(help: "Misbehave: delay the 101 by this long.")
    var delayUpgrade: String?
    @Option(help: "Misbehave: close connections idle (no message received) for this long.")
    var idleClose: String?
    @Option(help: "The close code of --idle-close.")
    var closeCode = 1001
    @Option(help: "Misbehave: close every connection with this code (see --close-on) instead of echoing.")
    var closeWith: Int?
    @Option(help: "When --close-with closes: 'first-message' (instead of the first echo) or 'upgrade'.")
    var closeOn: CloseMoment = .firstMessage
    @Option(help: "Misbehave: end TCP without a close frame this long after the upgrade (clients see 1006).")
    var dropAfter: String?
    @Option(help: "Misbehave: answer every upgrade with this HTTP status (e.g. 503) instead of 101.")
    var reject: Int?

    /// `--close-on` values.
    enum CloseMoment: String, ExpressibleByArgument, CaseIterable {
        case firstMessage = "first-message"
        case upgrade
    }

    func validate() throws {
        _ = try self.makeConfiguration()
    }

    func run() async throws {
        let configuration = try self.makeConfiguration()
        let server: EchoServer
        do {
            server = try await EchoServer.start(configuration: configuration)
        } catch {
            printError("error: \(error)")
            throw ExitCode(3)  // could not start (docs/exit-codes.md)
        }
        let scheme = configuration.tls == nil ? "ws" : "wss"
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        Self.say("listening on \(scheme)://\(host):\(server.port)/ (id \(configuration.identity))")
        let signal = await Self.waitForTermination()
        Self.say("stopping on \(signal == SIGINT ? "SIGINT" : "SIGTERM"); closing connections with 1001")
        await server.close()
        if let counters = try? await server.currentCounters() {
            Self.say("served \(counters)")
        }
    }

    /// The server configuration the flags describe.
    /// - Throws: `ValidationError` naming the bad flag (exit 2).
    func makeConfiguration() throws -> EchoServerConfiguration {
        guard let backlog = Int32(exactly: self.backlog) else { throw ValidationError("--backlog is too large.") }
        var configuration = EchoServerConfiguration(
            host: self.host,
            port: self.port,
            identity: self.identity ?? ProcessInfo.processInfo.hostName,
            identityHeaderName: self.identityHeader,
            subprotocols: self.subprotocols,
            deflate: self.deflate ? EchoServerConfiguration.defaultDeflatePolicy : nil,
            backlog: backlog,
            maxConnections: self.maxConnections
        )
        switch (self.cert, self.key) {
        case (let cert?, let key?):
            configuration.tls = EchoServerTLS(certificateChainFile: cert, keyFile: key, clientCAFile: self.clientCA)
        case (nil, nil):
            if self.clientCA != nil { throw ValidationError("--client-ca needs --cert and --key.") }
        default:
            throw ValidationError("--cert and --key go together.")
        }
        let wireCode = { (value: Int, flag: String) throws in
            guard let code = EchoServerMisbehaviour.wireCloseCode(value) else {
                throw ValidationError("\(flag) \(value) may not be sent; use 1000-1003, 1007-1014 or 3000-4999.")
            }
            return code
        }
        var misbehaviour = EchoServerMisbehaviour()
        misbehaviour.delayUpgrade = try Self.duration(self.delayUpgrade, flag: "--delay-upgrade")
        misbehaviour.idleClose = try Self.duration(self.idleClose, flag: "--idle-close")
        misbehaviour.dropAfter = try Self.duration(self.dropAfter, flag: "--drop-after")
        misbehaviour.idleCloseCode = try wireCode(self.closeCode, "--close-code")
        misbehaviour.closeWith = try self.closeWith.map { try wireCode($0, "--close-with") }
        misbehaviour.closeMoment = self.closeOn == .upgrade ? .afterUpgrade : .firstMessage
        misbehaviour.rejectWith = self.reject.map { .init(status: $0) }
        configuration.misbehaviour = misbehaviour
        do {
            try configuration.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return configuration
    }

    private static func duration(_ text: String?, flag: String) throws -> Duration? {
        guard let text else { return nil }
        do {
            let value = try Duration.parseHuman(text)
            guard value > .zero else { throw ValidationError("\(flag) must be longer than 0.") }
            return value
        } catch let error as UnitError {
            throw ValidationError("\(flag): \(error.description)")
        }
    }

    /// Writes a line to stdout unbuffered, so scripts reading the pipe see it at once.
    private static func say(_ line: String) {
        printProgress(line)
    }

    private static let signalQueue = DispatchQueue(label: "wsprobe.serve.signals")

    /// Waits for SIGINT or SIGTERM (both ignored by default handling from here on) and returns which came.
    private static func waitForTermination() async -> Int32 {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: Self.signalQueue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        for await number in stream { return number }
        return SIGTERM
    }
}
