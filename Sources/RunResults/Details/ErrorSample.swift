/// One occurrence of a failure, kept as an example of its error code.
package struct ErrorSample: Sendable, Hashable, Codable {
    /// The diagnosis for a person (the error's description).
    package var message: String
    /// The connection phase it happened in (a `Phase`: `dns`, `tcp`, `tls`, `upgrade`, `open`, `close`).
    package var phase: String
    /// For failed upgrades: the HTTP status the server answered with.
    package var status: Int?
    /// For failed upgrades: the response header fields (sensitive values redacted).
    package var headers: [HeaderField]?
    /// For failed upgrades: the start of the response body (at most ``bodyExcerptLimit`` characters).
    package var bodyExcerpt: String?

    /// The longest body excerpt kept: enough to recognise a health page or a proxy error page.
    package static let bodyExcerptLimit = 512

    package init(
        message: String,
        phase: String,
        status: Int? = nil,
        headers: [HeaderField]? = nil,
        bodyExcerpt: String? = nil
    ) {
        self.message = message
        self.phase = phase
        self.status = status
        self.headers = headers?.map(\.redacted)
        self.bodyExcerpt = bodyExcerpt.map { String($0.prefix(Self.bodyExcerptLimit)) }
    }

    /// Decodes a sample through ``init(message:phase:status:headers:bodyExcerpt:)``, so the headers of a
    /// report written with `--show-secrets` are redacted when `merge` or `report` reads it.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            message: try container.decode(String.self, forKey: .message),
            phase: try container.decode(String.self, forKey: .phase),
            status: try container.decodeIfPresent(Int.self, forKey: .status),
            headers: try container.decodeIfPresent([HeaderField].self, forKey: .headers),
            bodyExcerpt: try container.decodeIfPresent(String.self, forKey: .bodyExcerpt)
        )
    }
}
