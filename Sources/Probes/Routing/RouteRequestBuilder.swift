import Foundation
import ResultCodes
package import Scenario
import WSProtocol
package import WSTransport

/// Turns a routing row into connect options: the row's differences applied to the scenario's target request.
package enum RouteRequestBuilder {
    /// Why a row cannot be sent as written: its URL, method or `Upgrade` value cannot appear in a request head.
    ///
    /// `wsprobe validate` reports these values when the scenario is loaded; this is the last line for rows built
    /// in code.
    package struct InvalidRow: Error, Sendable, CustomStringConvertible {
        /// Stable code: `route.invalid-request`.
        package var code: String { ErrorCode.routeInvalidRequest.rawValue }
        package var description: String
    }

    /// The options for `request` on top of `base`.
    ///
    /// - Path replaces the base path; query parameters replace base parameters of the same name and add the
    ///   others; headers replace same-named base headers (a `Host` replaces the generated one, and becomes the
    ///   TLS SNI unless a server name is configured); cookies replace same-named base cookies in one `Cookie`.
    /// - Method and `Upgrade` value are sent exactly as written (`POST`, `WebSocket`): a row tests how the load
    ///   balancer treats them, and its expectation decides whether what came back is right.
    /// - Throws: `InvalidRow` when the URL cannot be built, the method is not an HTTP token, or the `Upgrade`
    ///   value is not a protocol token.
    package static func options(
        for request: RouteRequest,
        base: ConnectOptions
    ) throws(InvalidRow) -> ConnectOptions {
        if let method = request.method, !method.isHTTPToken {
            throw InvalidRow(description: "the method '\(method)' is not an HTTP token (RFC 9110 §9.1).")
        }
        if let upgrade = request.upgradeHeader, !UpgradeRequest.isUpgradeProtocol(upgrade) {
            throw InvalidRow(
                description: "'Upgrade: \(upgrade)' is not a protocol such as websocket (RFC 9110 §7.8)."
            )
        }
        var options = base
        options.url = try Self.url(base.url, path: request.path, query: request.query)
        if let method = request.method { options.method = method }
        if let upgrade = request.upgradeHeader { options.upgrade = upgrade }
        var headers = base.headers
        for header in request.headers {
            headers.removeAll(named: header.name)
            headers.append(name: header.name, value: header.value)
        }
        if let host = request.host {
            headers.removeAll(named: "Host")
            headers.append(name: "Host", value: host)
            if options.url.isSecure, options.serverName == nil { options.serverName = Self.hostName(host) }
        }
        if !request.cookies.isEmpty {
            let names = Set(request.cookies.map(\.name))
            var pairs = (headers.combinedValue(named: "Cookie") ?? "")
                .split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { pair in !pair.isEmpty && !names.contains(String(pair.prefix { $0 != "=" })) }
            pairs += request.cookies.map { "\($0.name)=\($0.value)" }
            headers.removeAll(named: "Cookie")
            headers.append(name: "Cookie", value: pairs.joined(separator: "; "))
        }
        options.headers = headers
        return options
    }

    /// `host` without a `:port` suffix (IPv6 literals keep their brackets off).
    static func hostName(_ host: String) -> String {
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<end])
        }
        if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
            return String(host[..<colon])
        }
        return host
    }

    static func url(_ base: WebSocketURL, path: String?, query: [KeyValue]) throws(InvalidRow) -> WebSocketURL {
        guard path != nil || !query.isEmpty else { return base }
        let parts = base.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let basePath = parts.first.map(String.init) ?? "/"
        let replaced = Set(query.map(\.name))
        var pairs: [String] = []
        if parts.count > 1 {
            pairs = parts[1].split(separator: "&").map(String.init).filter { pair in
                let name = String(pair.prefix { $0 != "=" })
                return !replaced.contains(name.removingPercentEncoding ?? name)
            }
        }
        pairs += query.map { "\(Self.encoded($0.name))=\(Self.encoded($0.value))" }
        let target = (path ?? basePath) + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
        let host = base.host.contains(":") ? "[\(base.host)]" : base.host
        let text = "\(base.isSecure ? "wss" : "ws")://\(host):\(base.port)\(target)"
        do {
            return try WebSocketURL(text)
        } catch {
            throw InvalidRow(description: "the row's URL \(text) is not usable: \(error)")
        }
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? text
    }
}
