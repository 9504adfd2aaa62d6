package import ResultCodes

/// What a non-101 answer to an upgrade request most likely means, by status code.
///
/// Behind a load balancer the status is the first clue: a 200 means the upgrade headers never reached a
/// WebSocket server, 502-504 come from the proxy itself, 426 means a version or a dropped header.
package enum HandshakeStatusClass: String, Sendable, Equatable, CaseIterable {
    /// 3xx: the server points elsewhere (`Location`); RFC 6455 §4.1 allows but does not require following it.
    case redirect
    /// 401: credentials are needed (RFC 6455 §4.1).
    case unauthorized
    /// 403: the request was refused.
    case forbidden
    /// 404: nothing is routed at this path.
    case notFound
    /// 426: the server wants another `Sec-WebSocket-Version` (RFC 6455 §4.4) or saw no upgrade headers.
    case upgradeRequired
    /// Any other 4xx.
    case clientError
    /// 502, 503, 504: the proxy or load balancer could not reach a healthy target.
    case gatewayError
    /// Any other 5xx.
    case serverError
    /// 2xx: an ordinary HTTP answer, the upgrade did not happen.
    case notUpgraded
    /// 1xx other than 101, and anything else.
    case unexpected

    /// The class of `status`. 101 is not an error; asked about anyway, it is `.unexpected`.
    package init(status: Int) {
        switch status {
        case 200..<300: self = .notUpgraded
        case 300..<400: self = .redirect
        case 401: self = .unauthorized
        case 403: self = .forbidden
        case 404: self = .notFound
        case 426: self = .upgradeRequired
        case 400..<500: self = .clientError
        case 502, 503, 504: self = .gatewayError
        case 500..<600: self = .serverError
        default: self = .unexpected
        }
    }

    /// The stable error code, e.g. `handshake.status.gateway-error`.
    package var code: String { self.errorCode.rawValue }

    /// The failure's entry in the code catalogue (docs/codes.md).
    package var errorCode: ErrorCode {
        switch self {
        case .redirect: .statusRedirect
        case .unauthorized: .statusUnauthorized
        case .forbidden: .statusForbidden
        case .notFound: .statusNotFound
        case .upgradeRequired: .statusUpgradeRequired
        case .clientError: .statusClientError
        case .gatewayError: .statusGatewayError
        case .serverError: .statusServerError
        case .notUpgraded: .statusNotUpgraded
        case .unexpected: .statusUnexpected
        }
    }
}
