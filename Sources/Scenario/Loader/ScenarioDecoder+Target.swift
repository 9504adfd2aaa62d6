extension ScenarioDecoder {
    func decodeTarget(_ node: SourceNode) -> Target {
        let allowed = [
            "url", "headers", "cookies", "query", "subprotocols", "deflate", "tls", "resolve", "source", "timeouts",
            "embedded",
        ]
        var target = Target()
        guard let fields = Fields(node, path: "target", allowed: allowed, context: context) else { return target }
        if let urlNode = fields["url"], let url = context.string(urlNode, "target.url") {
            if validateURL(url, at: urlNode) { target.url = url }
        }
        target.headers = requestFields(fields, "headers") ?? []
        target.cookies = requestFields(fields, "cookies") ?? []
        target.query = fields.keyValues("query") ?? []
        target.subprotocols = subprotocols(fields) ?? []
        if let deflate = fields["deflate"] { target.deflate = decodeDeflate(deflate) }
        if let tls = fields["tls"] { target.tls = decodeTLS(tls) }
        if let resolve = fields["resolve"], let entries = context.stringList(resolve, "target.resolve") {
            target.resolve = entries.compactMap { parseResolve($0, at: resolve) }
        }
        if let source = fields["source"], let entries = context.stringList(source, "target.source") {
            target.source = entries.flatMap { expandSource($0, at: source) }
        }
        if let timeouts = fields["timeouts"] { target.timeouts = decodeTimeouts(timeouts) }
        if let embedded = fields["embedded"] {
            if fields.has("url") {
                context.error(
                    .exclusive,
                    "'target.embedded' describes the loopback targets started when there is no 'url'; remove one of them",
                    at: fields.keyNode("embedded")?.position ?? embedded.position
                )
            }
            target.embedded = decodeEmbedded(embedded)
        }
        return target
    }

    /// `ws://` or `wss://` with a host (RFC 6455 §3).
    private func validateURL(_ url: String, at node: SourceNode) -> Bool {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("ws://") {
            rest = url.dropFirst(5)
        } else if lower.hasPrefix("wss://") {
            rest = url.dropFirst(6)
        } else {
            let hint = lower.hasPrefix("http") ? " (use ws:// for http and wss:// for https)" : ""
            context.error(
                .url,
                "'target.url' must start with ws:// or wss://, found '\(url)'\(hint)",
                at: node.position
            )
            return false
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.hasPrefix(":") else {
            context.error(.url, "'target.url' has no host: '\(url)'", at: node.position)
            return false
        }
        if rest.contains("#") {
            context.error(.url, "'target.url' must not contain a fragment (RFC 6455 §3): '\(url)'", at: node.position)
            return false
        }
        if rest.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            context.error(
                .url,
                "'target.url' contains a space or a control character: '\(url.escapingControls)' (percent-encode it)",
                at: node.position
            )
            return false
        }
        return true
    }

    private func decodeDeflate(_ node: SourceNode) -> DeflateOffer? {
        if case .scalar = node.kind {
            return context.bool(node, "target.deflate") == true ? .standard : nil
        }
        let allowed = [
            "clientNoContextTakeover", "serverNoContextTakeover", "clientMaxWindowBits", "serverMaxWindowBits",
        ]
        guard let fields = Fields(node, path: "target.deflate", allowed: allowed, context: context) else { return nil }
        var offer = DeflateOffer()
        offer.clientNoContextTakeover = fields.bool("clientNoContextTakeover") ?? false
        offer.serverNoContextTakeover = fields.bool("serverNoContextTakeover") ?? false
        if let bits = fields["clientMaxWindowBits"] {
            if case .scalar("true", plain: true) = bits.kind {
                offer.clientMaxWindowBits = 0
            } else if let value = context.int(bits, "target.deflate.clientMaxWindowBits", 8...15) {
                if value == 8 {
                    context.error(
                        .range,
                        "'target.deflate.clientMaxWindowBits' cannot be 8: zlib refuses raw deflate with an 8-bit window; use 9 to 15",
                        at: bits.position
                    )
                } else {
                    offer.clientMaxWindowBits = value
                }
            }
        }
        // RFC 7692 §7.1.2.1: server_max_window_bits is 8 to 15; inflating with a 15-bit window reads any.
        offer.serverMaxWindowBits = fields.int("serverMaxWindowBits", 8...15)
        return offer
    }

    private func decodeTLS(_ node: SourceNode) -> TLSOptions {
        var tls = TLSOptions()
        let allowed = ["cacert", "cert", "key", "insecure", "minVersion", "serverName"]
        guard let fields = Fields(node, path: "target.tls", allowed: allowed, context: context) else { return tls }
        tls.caCertificate = fields.string("cacert")
        tls.certificate = fields.string("cert")
        tls.key = fields.string("key")
        tls.insecure = fields.bool("insecure") ?? false
        tls.minVersion = fields.choice("minVersion", TLSOptions.Version.self) ?? .tls12
        tls.serverName = fields.string("serverName")
        if fields.has("cert") != fields.has("key") {
            let missing = fields.has("cert") ? "key" : "cert"
            context.error(
                .missingKey,
                "'target.tls' needs both 'cert' and 'key' for a client certificate; '\(missing)' is missing",
                at: node.position
            )
        }
        return tls
    }

    /// `host:port:address`, the address an IPv4 literal or a bracketed IPv6 literal.
    private func parseResolve(_ entry: String, at node: SourceNode) -> ResolveOverride? {
        let problem = "'target.resolve' entry '\(entry)' must be host:port:address, e.g. example.com:443:127.0.0.1"
        guard let firstColon = entry.firstIndex(of: ":") else {
            context.error(.address, problem, at: node.position)
            return nil
        }
        let host = String(entry[..<firstColon])
        let afterHost = entry[entry.index(after: firstColon)...]
        guard let secondColon = afterHost.firstIndex(of: ":"), let port = Int(afterHost[..<secondColon]),
            (1...65535).contains(port), !host.isEmpty
        else {
            context.error(.address, problem, at: node.position)
            return nil
        }
        var address = String(afterHost[afterHost.index(after: secondColon)...])
        if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        guard IPAddress.isIPv4(address) || IPAddress.isIPv6(address) else {
            context.error(.address, "\(problem); '\(address)' is not an IP address", at: node.position)
            return nil
        }
        return ResolveOverride(host: host, port: port, address: address)
    }

    /// One address, or an IPv4 range `a.b.c.d-e.f.g.h` expanded (at most 65,536 addresses).
    private func expandSource(_ entry: String, at node: SourceNode) -> [String] {
        let parts = entry.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            if IPAddress.isIPv4(entry) || IPAddress.isIPv6(entry) { return [entry] }
        } else if parts.count == 2, let low = IPAddress.ipv4Value(parts[0]), let high = IPAddress.ipv4Value(parts[1]) {
            guard low <= high, high - low < 65536 else {
                context.error(
                    .address,
                    "'target.source' range '\(entry)' must go upwards and hold at most 65536 addresses",
                    at: node.position
                )
                return []
            }
            return (low...high).map(IPAddress.ipv4String)
        }
        context.error(
            .address,
            "'target.source' entry '\(entry)' must be an IP address or an IPv4 range such as 127.0.0.2-127.0.0.20",
            at: node.position
        )
        return []
    }

    private func decodeTimeouts(_ node: SourceNode) -> Timeouts {
        var timeouts = Timeouts()
        let allowed = ["dns", "connect", "tls", "upgrade", "close"]
        guard let fields = Fields(node, path: "target.timeouts", allowed: allowed, context: context) else {
            return timeouts
        }
        let minimum = Duration.milliseconds(1)
        timeouts.dns = fields.duration("dns", minimum: minimum) ?? timeouts.dns
        timeouts.connect = fields.duration("connect", minimum: minimum) ?? timeouts.connect
        timeouts.tls = fields.duration("tls", minimum: minimum) ?? timeouts.tls
        timeouts.upgrade = fields.duration("upgrade", minimum: minimum) ?? timeouts.upgrade
        timeouts.close = fields.duration("close", minimum: minimum) ?? timeouts.close
        return timeouts
    }
}
