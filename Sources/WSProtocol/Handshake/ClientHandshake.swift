package import NIOCore

/// The client side of the opening handshake after the request is sent: reads the answer, checks it, and
/// for a non-101 answer collects a body excerpt before failing.
///
/// A value type the transport owns on its event loop. Feed it the cumulative inbound buffer after every
/// read; once it returns `.upgraded`, whatever is left in the buffer is the start of the frame stream.
package struct ClientHandshake {
    /// The result of feeding bytes.
    package enum Step: Equatable, Sendable {
        /// More bytes are needed.
        case needMoreData
        /// The server switched protocols; frames follow.
        case upgraded(NegotiatedUpgrade)
    }

    private enum State {
        case awaitingHead(UpgradeResponseParser)
        case collectingBody(UpgradeResponseHead, ResponseBodyExcerpt)
        case finished
    }

    /// The request that was sent.
    package let request: UpgradeRequest
    /// Whether a subprotocol must be chosen when some were offered (see `UpgradeRequest.validate`).
    package let requireSubprotocol: Bool
    private let bodyExcerptLimit: Int
    private var state: State

    /// The response head once it has been parsed (also after a failure), for reports.
    package private(set) var responseHead: UpgradeResponseHead?

    /// A handshake waiting for the answer to `request`.
    /// - Parameters:
    ///   - headLimit: the maximum response head size (see `UpgradeResponseParser.defaultHeadLimit`).
    ///   - bodyExcerptLimit: how much of a non-101 body to keep (see `ResponseBodyExcerpt.defaultLimit`).
    package init(
        request: UpgradeRequest,
        headLimit: Int = UpgradeResponseParser.defaultHeadLimit,
        bodyExcerptLimit: Int = ResponseBodyExcerpt.defaultLimit,
        requireSubprotocol: Bool = false
    ) {
        self.request = request
        self.requireSubprotocol = requireSubprotocol
        self.bodyExcerptLimit = bodyExcerptLimit
        self.state = .awaitingHead(UpgradeResponseParser(headLimit: headLimit))
    }

    /// Consumes what it can from `buffer`.
    /// - Returns: `.upgraded` once a valid 101 was read (frame bytes stay in `buffer`), else `.needMoreData`.
    /// - Throws: the `HandshakeError` that ends the handshake; for a non-101 answer this happens once the
    ///   body excerpt is complete (or call `inputEnded` when the transport closes or a timeout fires).
    package mutating func receive(_ buffer: inout ByteBuffer) throws(HandshakeError) -> Step {
        if case .awaitingHead(var parser) = self.state {
            let parsed: UpgradeResponseHead?
            do {
                parsed = try parser.parse(&buffer)
            } catch {
                self.state = .finished
                throw error
            }
            guard let head = parsed else {
                self.state = .awaitingHead(parser)
                return .needMoreData
            }
            self.responseHead = head
            if head.status == 101 {
                self.state = .finished
                return .upgraded(try self.request.validate(head, requireSubprotocol: self.requireSubprotocol))
            }
            self.state = .collectingBody(
                head,
                ResponseBodyExcerpt(
                    head: head,
                    limit: self.bodyExcerptLimit,
                    requestMethod: self.request.method
                )
            )
        }
        guard case .collectingBody(let head, var excerpt) = self.state else {
            return .needMoreData
        }
        guard excerpt.consume(&buffer) else {
            self.state = .collectingBody(head, excerpt)
            return .needMoreData
        }
        self.state = .finished
        throw .unexpectedStatus(head, bodyPrefix: excerpt.bytes)
    }

    /// The error to report when the transport closes or the handshake timeout fires before `receive`
    /// finished; `unparsed` is the inbound buffer (an incomplete head, if any, is quoted from it).
    package mutating func inputEnded(unparsed: ByteBuffer) -> HandshakeError {
        defer { self.state = .finished }
        switch self.state {
        case .collectingBody(let head, var excerpt):
            excerpt.transportClosed()
            return .unexpectedStatus(head, bodyPrefix: excerpt.bytes)
        case .awaitingHead, .finished:
            let prefix = unparsed.getBytes(at: unparsed.readerIndex, length: min(64, unparsed.readableBytes)) ?? []
            return .closedBeforeResponse(receivedBytes: unparsed.readableBytes, prefix: prefix)
        }
    }
}
