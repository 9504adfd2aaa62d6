import ArgumentParser
import NIOCore
import ResultCodes
import Scenario
import TLSOpenSSL
import WSDeflate
import WSProtocol
import WSTransport

/// Flags shared by commands that open WebSockets, in the conventions of curl and wscat.
struct ConnectionOptions: ParsableArguments {
    @Option(name: [.customShort("H"), .customLong("header")], help: "A request header 'Name: value' (repeatable).")
    var headers: [String] = []

    @Option(name: .customLong("subprotocol"), help: "A subprotocol to offer, in order of preference (repeatable).")
    var subprotocols: [String] = []

    @Option(help: "The Origin header.")
    var origin: String?

    @Option(
        help: ArgumentHelp(
            "Offer permessage-deflate; '--deflate' alone offers the default, or give RFC 7692 parameters.",
            valueName: "params"
        )
    )
    var deflate: String?

    @Option(
        help: ArgumentHelp(
            "CA certificates (PEM) to verify the server with, instead of the system store.",
            valueName: "file"
        )
    )
    var cacert: String?

    @Option(help: ArgumentHelp("Client certificate (PEM) for mutual TLS.", valueName: "file"))
    var cert: String?

    @Option(help: ArgumentHelp("Client private key (PEM) for mutual TLS.", valueName: "file"))
    var key: String?

    @Flag(name: [.customShort("k"), .long], help: "Do not verify the server certificate (shown in every output).")
    var insecure = false

    @Option(name: .customLong("tls-min"), help: "Minimum TLS version: 1.2 (default) or 1.3.")
    var tlsMinimum: String?

    @Option(
        help: ArgumentHelp("Dial ADDR for HOST:PORT, keeping Host and SNI (repeatable).", valueName: "host:port:addr")
    )
    var resolve: [String] = []

    @Option(name: .customLong("connect-timeout"), help: "Timeout of each opening phase (DNS, TCP, TLS, upgrade).")
    var connectTimeout: String = "10s"

    @Option(name: .customLong("source"), help: ArgumentHelp("Local address to connect from.", valueName: "addr"))
    var source: String?

    /// The offer as given: `--deflate` alone arrives as `default` (see `WSProbe.main`).
    static let bareDeflateValue = "default"

    /// Builds the connector's options for `url`.
    /// - Throws: `CommandFailure` with status 2 for invalid values, 3 for unreadable TLS files.
    func connectOptions(url: WebSocketURL) throws -> ConnectOptions {
        var options = ConnectOptions(url: url)
        options.headers = try self.parsedHeaders()
        options.origin = try self.checkedOrigin()
        options.subprotocols = try self.checkedSubprotocols()
        if let deflate = self.deflate {
            do {
                options.deflate = try DeflateOffer(parsing: deflate)
            } catch {
                throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
            }
        }
        for entry in self.resolve {
            do {
                options.resolve.append(try ConnectOptions.parseResolve(entry))
            } catch {
                throw CommandFailure(status: .invalidInput, code: error.code, message: error.description)
            }
        }
        options.timeouts = PhaseTimeouts(all: try Self.timeAmount(self.connectTimeout, flag: "--connect-timeout"))
        if let source = self.source {
            do {
                options.localAddress = try SocketAddress(ipAddress: source, port: 0)
            } catch {
                throw CommandFailure(
                    status: .invalidInput,
                    code: .usageSource,
                    message: "--source '\(source)' is not an IP address."
                )
            }
        }
        if url.isSecure {
            options.tls = try self.tlsContext()
        } else if let flag = self.tlsFlagsGiven.first {
            // TLS flags on ws:// do nothing; say so rather than silently ignoring them.
            throw CommandFailure(
                status: .invalidInput,
                code: .usageTLS,
                message: "\(flag) applies to wss:// only, and the URL is ws://; use wss:// or drop \(flag)."
            )
        }
        return options
    }

    private func tlsContext() throws -> TLSContext {
        let minimum: TLSVersion
        switch self.tlsMinimum ?? "1.2" {
        case "1.2": minimum = .tls12
        case "1.3": minimum = .tls13
        default:
            throw CommandFailure(status: .invalidInput, code: .usageTLSMin, message: "--tls-min must be 1.2 or 1.3.")
        }
        if (self.cert == nil) != (self.key == nil) {
            throw CommandFailure(status: .invalidInput, code: .usageTLS, message: "--cert and --key go together.")
        }
        let configuration = TLSConfiguration.client(
            caFile: self.cacert,
            verifyPeer: !self.insecure,
            certificateFile: self.cert,
            keyFile: self.key,
            minimumVersion: minimum
        )
        do {
            return try TLSContext(configuration: configuration)
        } catch {
            throw CommandFailure(status: .couldNotStart, code: error.code, message: error.description)
        }
    }

    /// Parses a human duration (`250ms`, `10s`, `1m`) into a NIO `TimeAmount`.
    static func timeAmount(_ text: String, flag: String) throws -> TimeAmount {
        do {
            let duration = try Duration.parseHuman(text)
            let (seconds, attoseconds) = duration.components
            return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        } catch {
            throw CommandFailure(status: .invalidInput, code: .usageDuration, message: "\(flag) '\(text)': \(error)")
        }
    }

    /// Parses a payload size flag: plain bytes (`16`) or a human size (`64KiB`), from `minimum` to
    /// `ByteSize.payloadMaximum` (16 MiB, the one limit of every size flag and scenario field).
    static func byteCount(_ text: String, flag: String, minimum: Int = 0) throws(CommandFailure) -> Int {
        let bytes: Int
        do {
            bytes = try Int(text) ?? ByteSize.parse(text).bytes
        } catch {
            throw CommandFailure(status: .invalidInput, code: .usageSize, message: "\(flag) '\(text)': \(error)")
        }
        guard (minimum...ByteSize.payloadMaximum).contains(bytes) else {
            let range = "\(ByteSize(bytes: minimum)) to \(ByteSize(bytes: ByteSize.payloadMaximum))"
            throw CommandFailure(
                status: .invalidInput,
                code: .usageSize,
                message: "\(flag) '\(text)' must be from \(range)."
            )
        }
        return bytes
    }
}
