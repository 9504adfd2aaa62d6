#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP connection to 127.0.0.1 for harness tests that must not use wsprobe's client:
/// write raw request bytes, read a raw HTTP response or frames. Every read and write has a timeout.
///
/// Not thread-safe: use it from one task.
package final class RawTCPConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var isClosed = false

    /// The limit in seconds for each read and write; changing it applies to the next call.
    package var timeout: Double {
        didSet { LoopbackSocket.setTimeouts(descriptor, seconds: timeout) }
    }

    /// The `Sec-WebSocket-Key` of `upgradeRequest(...)`: the RFC 6455 §1.3 sample nonce.
    package static let sampleKey = "dGhlIHNhbXBsZSBub25jZQ=="
    /// The `Sec-WebSocket-Accept` that `sampleKey` must produce (RFC 6455 §1.3).
    package static let sampleAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    /// Connects to 127.0.0.1:port.
    ///
    /// - Parameter timeout: the limit for each read and write; 5 s by default.
    package init(port: Int, timeout: Double = 5) throws {
        descriptor = try LoopbackSocket.makeTCP()
        let failure = LoopbackSocket.connect(descriptor, port: port)
        guard failure == 0 else {
            LoopbackSocket.close(descriptor)
            throw PeerError.socket(operation: "connect(127.0.0.1:\(port))", errno: failure)
        }
        self.timeout = timeout
        LoopbackSocket.setTimeouts(descriptor, seconds: timeout)
    }

    deinit {
        close()
    }

    /// A WebSocket upgrade request (RFC 6455 §4.1) with `sampleKey`, as text.
    ///
    /// - Parameters:
    ///   - path: the request target, query included.
    ///   - host: the `Host` header value.
    ///   - headers: extra header lines, e.g. `["X-Route: c", "Cookie: grp=b"]`.
    ///   - upgrade: whether to send `Upgrade`/`Connection`/`Sec-WebSocket-*` at all (a plain GET when false).
    package static func upgradeRequest(
        path: String,
        host: String = "127.0.0.1",
        headers: [String] = [],
        upgrade: Bool = true
    ) -> String {
        var lines = ["GET \(path) HTTP/1.1", "Host: \(host)"]
        if upgrade {
            lines += [
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: \(sampleKey)",
                "Sec-WebSocket-Version: 13",
            ]
        }
        lines += headers
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// Writes all bytes.
    package func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { throw PeerError.timedOut(operation: "write") }
                throw PeerError.socket(operation: "send", errno: errno)
            }
            offset += written
        }
    }

    /// Writes a string as UTF-8.
    package func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Reads up to the blank line that ends a response head and parses it; then reads the body by
    /// `Content-Length`, or to the close when there is none on a non-101 response.
    ///
    /// - Parameter headLimit: the most head bytes accepted; 128 KiB by default.
    package func readResponse(headLimit: Int = 128 * 1024) throws -> RawHTTPResponse {
        let head = try readHead(limit: headLimit)
        var response = try RawHTTPResponse(head: head)
        if response.status == 101 { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            response.body = try read(exactly: length)
        } else {
            response.body = try readToEnd(limit: 1 << 20)
        }
        return response
    }

    /// Reads up to and without the first `\r\n\r\n`, keeping any following bytes for later reads.
    package func readHead(limit: Int = 128 * 1024) throws -> String {
        while true {
            if let end = headEnd() {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 4)
                return head
            }
            guard buffer.count <= limit else {
                throw PeerError.malformedResponse("no end of head within \(limit) bytes")
            }
            guard try fill() else { throw PeerError.closedEarly(received: buffer.count) }
        }
    }

    /// Reads exactly `count` bytes.
    package func read(exactly count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw PeerError.closedEarly(received: buffer.count) }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    /// Reads until the peer closes (or `limit` bytes).
    package func readToEnd(limit: Int) throws -> [UInt8] {
        while buffer.count < limit, try fill() {}
        let bytes = Array(buffer.prefix(limit))
        buffer.removeAll()
        return bytes
    }

    /// Whether the peer has closed its side: true on end of file or reset, false when bytes
    /// arrived (they are kept) or the connection is idle past the timeout.
    package func peerClosed() throws -> Bool {
        do {
            return try !fill()
        } catch PeerError.timedOut {
            return false
        } catch PeerError.socket(_, let code) where code == ECONNRESET {
            return true
        }
    }

    /// Waits, without blocking a thread for long, until the peer closes the connection.
    ///
    /// - Returns: true when it closed within `seconds`, false otherwise; bytes that arrive meanwhile
    ///   are kept for later reads.
    package func waitForPeerClose(within seconds: Double) async throws -> Bool {
        let saved = timeout
        defer { timeout = saved }
        timeout = 0.05
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
        while ContinuousClock.now < deadline {
            if try peerClosed() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Sends one masked client frame (RFC 6455 §5.2) with FIN set.
    package func writeFrame(opcode: UInt8, payload: [UInt8]) throws {
        let mask: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        var frame: [UInt8] = [0x80 | opcode]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            frame.append(0x80 | 126)
            frame += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(0x80 | 127)
            frame += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try write(frame)
    }

    /// Reads one unmasked server frame with a payload shorter than 64 KiB: (FIN, opcode, payload).
    package func readFrame() throws -> (fin: Bool, opcode: UInt8, payload: [UInt8]) {
        let header = try read(exactly: 2)
        var length = Int(header[1] & 0x7F)
        if length == 126 {
            let extended = try read(exactly: 2)
            length = Int(extended[0]) << 8 | Int(extended[1])
        } else if length == 127 {
            throw PeerError.malformedResponse("a frame of 64 KiB or more")
        }
        if header[1] & 0x80 != 0 { throw PeerError.malformedResponse("a masked server frame") }
        return (header[0] & 0x80 != 0, header[0] & 0x0F, try read(exactly: length))
    }

    /// Closes the socket (idempotent).
    package func close() {
        guard !isClosed else { return }
        isClosed = true
        LoopbackSocket.close(descriptor)
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// Reads what is available; false on end of file.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { raw in
            recv(descriptor, raw.baseAddress, raw.count, 0)
        }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw PeerError.timedOut(operation: "read") }
            throw PeerError.socket(operation: "recv", errno: errno)
        }
        if count == 0 { return false }
        buffer += chunk[..<count]
        return true
    }
}

@available(*, unavailable)
extension RawTCPConnection: Sendable {}
