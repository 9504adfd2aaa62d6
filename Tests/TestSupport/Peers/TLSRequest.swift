import Foundation

/// One raw HTTP/1.1 request over TLS made by an independent client (`Tests/Peers/tls_request.py`,
/// Python's ssl module) that verifies the server certificate against a CA and a server name.
package enum TLSRequest {
    /// Sends the request to 127.0.0.1:port and returns the parsed response.
    ///
    /// - Parameters:
    ///   - path: the request target.
    ///   - host: the `Host` header; `serverName` by default.
    ///   - headers: extra header lines such as `"X-Route: c"`.
    ///   - upgrade: send a WebSocket upgrade (RFC 6455 sample key) instead of a plain GET.
    ///   - caCertificate: the CA to trust; the test CA by default.
    ///   - serverName: SNI and the name verified in the certificate; `localhost` by default.
    ///   - clientCertificate: a client certificate and key for mutual TLS; none by default.
    /// - Throws: `PeerError.commandFailed` with the client's reason (e.g. a certificate error).
    package static func send(
        port: Int,
        path: String,
        host: String? = nil,
        headers: [String] = [],
        upgrade: Bool = false,
        caCertificate: String? = nil,
        serverName: String = "localhost",
        clientCertificate: (certificate: String, key: String)? = nil
    ) async throws -> RawHTTPResponse {
        let ca = try caCertificate ?? CertificateFactory.shared().caCertificate
        var arguments = [
            try PeerFiles.script("tls_request.py"), "--port", String(port), "--ca", ca, "--server-name", serverName,
            "--path", path,
        ]
        if let host { arguments += ["--host", host] }
        if upgrade { arguments.append("--upgrade") }
        if let clientCertificate {
            arguments += ["--cert", clientCertificate.certificate, "--key", clientCertificate.key]
        }
        for header in headers { arguments += ["--header", header] }
        let result = try await PeerCommand.run(try PeerFiles.python(), arguments)
        guard result.status == 0 else {
            throw PeerError.commandFailed(
                command: "tls_request.py \(path)",
                status: result.status,
                output: result.error
            )
        }
        guard let separator = result.output.firstRange(of: [13, 10, 13, 10]) else {
            throw PeerError.malformedResponse(String(decoding: result.output, as: UTF8.self))
        }
        let head = String(decoding: result.output[..<separator.lowerBound], as: UTF8.self)
        return try RawHTTPResponse(head: head, body: Array(result.output[separator.upperBound...]))
    }
}
