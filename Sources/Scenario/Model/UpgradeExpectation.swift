/// What the upgrade response must look like for a connection to count as a success.
package struct UpgradeExpectation: Sendable, Hashable {
    /// Expected status (default 101, RFC 6455 §4.2.2).
    package var status: Int
    /// Expected negotiated subprotocol; `nil` does not check.
    package var subprotocol: String?
    /// Expected negotiated extension token (e.g. `permessage-deflate`); `nil` does not check.
    package var `extension`: String?
    /// Response header checks, in file order.
    package var headers: [HeaderExpectation]

    package init(
        status: Int = 101,
        subprotocol: String? = nil,
        extension: String? = nil,
        headers: [HeaderExpectation] = []
    ) {
        self.status = status
        self.subprotocol = subprotocol
        self.extension = `extension`
        self.headers = headers
    }
}
