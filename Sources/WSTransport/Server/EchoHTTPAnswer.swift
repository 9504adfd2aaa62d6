package import NIOCore
package import WSProtocol

/// The plain HTTP answers an `EchoServer` gives instead of 101 (the `/health` page and configured rejections),
/// and the emulated ALB's own answers.
package enum EchoHTTPAnswer {
    /// Appends a complete `Connection: close` response with a plain-text body to `buffer`.
    package static func write(status: Int, body: String, headers: HTTPHeaderFields, into buffer: inout ByteBuffer) {
        buffer.writeString("HTTP/1.1 \(status) \(Self.reason(for: status))\r\n")
        var fields: HTTPHeaderFields = [
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Length": "\(body.utf8.count)",
            "Connection": "close",
        ]
        for field in headers {
            fields.append(name: field.name, value: field.value)
        }
        for field in fields {
            buffer.writeString("\(field.name): \(field.value)\r\n")
        }
        buffer.writeString("\r\n")
        buffer.writeString(body)
    }

    /// The RFC 9110 §15 reason phrase of common statuses; other codes get a generic phrase by class.
    static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 100..<200: "Informational"
        case 200..<300: "Success"
        case 300..<400: "Redirection"
        case 400..<500: "Client Error"
        default: "Server Error"
        }
    }
}
