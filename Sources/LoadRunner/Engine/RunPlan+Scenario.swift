import Foundation
import NIOCore
import ResultCodes
package import Scenario
import TLSOpenSSL
import WSDeflate
package import WSProtocol
import WSTransport

extension RunPlan {
    /// Resolves `scenario` into a plan.
    ///
    /// - Parameters:
    ///   - url: the target to use instead of `target.url` (the embedded target, or `--url`).
    ///   - shard: this process's share of the run.
    ///   - duration: overrides the scenario's planned duration.
    /// - Throws: `RunPlanError` when the URL, TLS files or addresses are unusable.
    package init(
        scenario: Scenario,
        url: WebSocketURL,
        shard: Shard = .whole,
        duration: Duration? = nil,
        inFlight: Int? = nil
    ) throws(RunPlanError) {
        let target = scenario.target
        var connect = ConnectOptions(url: try Self.url(url, query: target.query))
        var headers = HTTPHeaderFields()
        for header in target.headers { headers.append(name: header.name, value: header.value) }
        if !target.cookies.isEmpty {
            headers.append(
                name: "Cookie",
                value: target.cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
            )
        }
        connect.headers = headers
        connect.subprotocols = target.subprotocols
        if let offer = target.deflate { connect.deflate = try Self.deflate(offer) }
        connect.resolve = target.resolve.map { (host: $0.host, port: $0.port, address: $0.address) }
        var timeouts = PhaseTimeouts()
        timeouts.dns = .nanoseconds(Int64(clamping: target.timeouts.dns.nanosecondsClamped))
        timeouts.tcp = .nanoseconds(Int64(clamping: target.timeouts.connect.nanosecondsClamped))
        timeouts.tls = .nanoseconds(Int64(clamping: target.timeouts.tls.nanosecondsClamped))
        timeouts.upgrade = .nanoseconds(Int64(clamping: target.timeouts.upgrade.nanosecondsClamped))
        connect.timeouts = timeouts
        connect.closeTimeout = .nanoseconds(Int64(clamping: target.timeouts.close.nanosecondsClamped))
        if connect.url.isSecure {
            connect.tls = try Self.tlsContext(target.tls, scenario: scenario)
            connect.serverName = target.tls.serverName
        }
        var sources: [SocketAddress] = []
        for text in target.source {
            do {
                sources.append(try SocketAddress(ipAddress: text, port: 0))
            } catch {
                throw RunPlanError(.invalid, code: ErrorCode.usageSource, "'\(text)' is not a usable source address.")
            }
        }
        let load: Load
        switch scenario.load {
        case .closed(let closed):
            let stages = closed.stages.map {
                ConnectionRampSchedule.Stage(durationNanoseconds: $0.duration.nanosecondsClamped, target: $0.target)
            }
            let ramp =
                stages.isEmpty
                ? ConnectionRampSchedule(startConnections: closed.connections, stages: [])
                : ConnectionRampSchedule(startConnections: 0, stages: stages)
            let peak = max(closed.connections, closed.stages.map(\.target).max() ?? 0)
            load = .closed(ramp: ramp, maxConnections: peak, churn: closed.churn)
        case .open(let open):
            let schedule = ArrivalRateSchedule(
                startRate: open.startRate.perSecond,
                stages: open.stages.map {
                    ArrivalRateSchedule.Stage(
                        durationNanoseconds: $0.duration.nanosecondsClamped,
                        targetRate: $0.target.perSecond
                    )
                }
            )
            load = .open(schedule: schedule, spacing: open.spacing, maxConnections: open.maxConnections)
        }
        let messages = scenario.load.messages
        let window = messages == nil ? inFlight.map { max(1, $0) } : nil
        let payloads = try PayloadFiles.read(scenario)
        let program = ScriptProgram(steps: scenario.steps, paced: messages != nil || window != nil) { path in
            payloads[path] ?? []
        }
        self.init(
            name: scenario.name,
            connect: connect,
            load: load,
            program: program,
            messages: messages,
            sources: sources,
            durationNanoseconds: (duration ?? scenario.plannedDuration)?.nanosecondsClamped,
            shard: shard,
            thresholds: scenario.thresholds,
            expectation: scenario.expect
        )
        self.inFlight = window
        if case .header(let name) = scenario.identity {
            self.identityHeader = name
        }
    }

    private static func url(_ url: WebSocketURL, query: [KeyValue]) throws(RunPlanError) -> WebSocketURL {
        guard !query.isEmpty else { return url }
        let pairs = query.map { "\(Self.percentEncoded($0.name))=\(Self.percentEncoded($0.value))" }
        let text = url.text + (url.text.contains("?") ? "&" : "?") + pairs.joined(separator: "&")
        do {
            return try WebSocketURL(text)
        } catch {
            throw RunPlanError(.invalid, code: error.errorCode, error.description)
        }
    }

    private static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? text
    }

    private static func deflate(_ offer: ScenarioDeflateOffer) throws(RunPlanError) -> WSDeflate.DeflateOffer {
        let clientBits: WSDeflate.DeflateOffer.ClientWindowBits
        switch offer.clientMaxWindowBits {
        case .none: clientBits = .notOffered
        case .some(0): clientBits = .offered
        case .some(let bits): clientBits = .limit(bits)
        }
        do {
            return try WSDeflate.DeflateOffer(
                serverNoContextTakeover: offer.serverNoContextTakeover,
                clientNoContextTakeover: offer.clientNoContextTakeover,
                serverMaxWindowBits: offer.serverMaxWindowBits,
                clientMaxWindowBits: clientBits
            )
        } catch {
            throw RunPlanError(.invalid, code: error.errorCode, error.description)
        }
    }

    private static func tlsContext(_ options: TLSOptions, scenario: Scenario) throws(RunPlanError) -> TLSContext {
        let configuration = TLSConfiguration.client(
            caFile: options.caCertificate.map(scenario.resolvePath),
            verifyPeer: !options.insecure,
            serverName: options.serverName,
            certificateFile: options.certificate.map(scenario.resolvePath),
            keyFile: options.key.map(scenario.resolvePath),
            minimumVersion: options.minVersion == .tls13 ? .tls13 : .tls12
        )
        do {
            return try TLSContext(configuration: configuration)
        } catch {
            throw RunPlanError(.couldNotStart, code: error.errorCode, error.description)
        }
    }
}
