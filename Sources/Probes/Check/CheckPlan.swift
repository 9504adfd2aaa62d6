package import NIOCore
package import WSProtocol
package import WSTransport

/// What `wsprobe check` does on one connection after opening it: echo round trips, a ping, and a close.
package struct CheckPlan: Sendable {
    /// How to open the connection.
    package var connect: ConnectOptions
    /// Echo round trips to make.
    package var echoCount = 3
    /// Payload bytes per echo message.
    package var payloadSize = 16
    /// Send binary messages instead of text.
    package var binary = false
    /// Send a ping after the echoes and time the pong.
    package var ping = false
    /// How long to wait for each echo, pong and the closing handshake.
    package var replyTimeout = TimeAmount.seconds(5)
    /// The close code to send.
    package var closeCode = CloseCode.normalClosure
    /// True when certificate verification was switched off (shown in every output).
    package var insecure = false

    package init(connect: ConnectOptions) {
        self.connect = connect
    }

    /// The payload of echo `index`: recognisable text padded to the size, ASCII so text and binary agree.
    package func payload(index: Int) -> ByteBuffer {
        let prefix = Array("wsprobe check \(index + 1)/\(self.echoCount) ".utf8)
        var buffer = ByteBuffer()
        buffer.reserveCapacity(self.payloadSize)
        for position in 0..<self.payloadSize {
            let byte =
                position < prefix.count
                ? prefix[position] : UInt8(ascii: "a") + UInt8((position - prefix.count) % 26)
            buffer.writeInteger(byte)
        }
        return buffer
    }
}
