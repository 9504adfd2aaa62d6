/// A stable, dotted error code (`tcp.refused`, `handshake.status.gateway-error`, `usage.duration`): the
/// identifier every output shows and scripts match on, with the phase it belongs to and a one-line meaning.
///
/// Every code is a static member of one family (`ErrorCode+<Family>.swift`) whose `meaning` is its documentation,
/// and is listed in ``catalogue``, from which docs/codes.md is generated. Storage and JSON keep the string
/// (``rawValue``); producers pass the type.
package struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stable string, as it appears in reports, `metrics.errors` keys and `error[…]` messages.
    package let rawValue: String
    /// The connection phase the failure belongs to; nil for failures outside a connection (usage, files).
    package let phase: Phase?
    /// What the code means, in one line.
    package let meaning: String
    /// For codes that end a command: the exit status it ends with (docs/exit-codes.md); nil otherwise.
    package let exitStatus: Int32?

    /// A code of a family file; only `ErrorCode+<Family>.swift` declares codes.
    init(_ rawValue: String, _ phase: Phase?, _ meaning: String, exitStatus: Int32? = nil) {
        self.rawValue = rawValue
        self.phase = phase
        self.meaning = meaning
        self.exitStatus = exitStatus
    }

    /// The catalogued code spelled `rawValue` (including `close.<code>`); nil for a string no producer emits.
    package init?(rawValue: String) {
        if let known = Self.byRawValue[rawValue] {
            self = known
        } else if rawValue.hasPrefix("close."), let number = UInt16(rawValue.dropFirst("close.".count)) {
            self = .closeFrame(number)
        } else {
            return nil
        }
    }

    package var description: String { self.rawValue }

    /// Codes are equal when they are spelled alike.
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    package func hash(into hasher: inout Hasher) { hasher.combine(self.rawValue) }

    /// Every family, in the order docs/codes.md lists them.
    package static let families: [ErrorCodeFamily] = [
        .connection, .tls, .handshake, .protocolViolations, .deflate, .exchange, .probes, .results, .command,
        .server, .albConfig, .reports,
    ]

    /// Every code, family by family (`close.<code>` once, as its pattern).
    package static let catalogue: [ErrorCode] = families.flatMap(\.codes)

    private static let byRawValue: [String: ErrorCode] = Dictionary(
        catalogue.map { ($0.rawValue, $0) },
        uniquingKeysWith: { first, _ in first }
    )
}
