import WSProtocol

/// The connections of a weight check that did not name a target, by cause: connections that could not be
/// upgraded (connect, TLS, timeout, handshake error or a non-101 status) and 101s without an identity.
package struct WeightCheckFailures: Sendable, Hashable {
    /// Connections that could not be upgraded, by stable code (`tcp.refused`, `handshake.status.gateway-error`).
    package private(set) var notUpgraded: [String: Int] = [:]
    /// The first reason seen for each code of `notUpgraded`.
    package private(set) var reasons: [String: String] = [:]
    /// 101s without an identity, by how they were observed (`101 without a X-Wsprobe-Target header`).
    package private(set) var unidentified: [String: Int] = [:]

    package init() {}

    /// Counts one observation that named no target.
    package mutating func record(_ observation: RouteObservation, reader: RouteIdentity) {
        switch observation {
        case .failed(let code, let message):
            self.add(code: code, reason: message)
        case .status(let status, _):
            self.add(code: HandshakeStatusClass(status: status).code, reason: "answered \(status) instead of 101")
        case .upgraded:
            self.unidentified[observation.summary(reader), default: 0] += 1
        }
    }

    /// Counts `count` connections that failed with `code`, for checks built from recorded counts.
    package mutating func add(code: String, reason: String, count: Int = 1) {
        self.notUpgraded[code, default: 0] += count
        if self.reasons[code] == nil { self.reasons[code] = reason }
    }

    /// Counts `count` 101s without an identity, observed as `summary`.
    package mutating func addUnidentified(_ summary: String, count: Int = 1) {
        self.unidentified[summary, default: 0] += count
    }

    /// Whether every connection named a target.
    package var isEmpty: Bool { self.notUpgraded.isEmpty && self.unidentified.isEmpty }

    /// Connections that could not be upgraded.
    package var notUpgradedCount: Int { self.notUpgraded.values.reduce(0, +) }

    /// 101s without an identity.
    package var unidentifiedCount: Int { self.unidentified.values.reduce(0, +) }

    /// The most frequent failure code (ties by code), nil when every connection was upgraded.
    package var dominantCode: String? {
        self.notUpgraded.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// `3 × tcp.refused (Connection refused.), 1 × handshake.status.gateway-error (answered 502 instead of 101)`.
    var notUpgradedList: String {
        self.notUpgraded.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.value) × \($0.key) (\(self.reasons[$0.key] ?? "no reason given"))" }
            .joined(separator: ", ")
    }

    /// `2 × 101 without a X-Wsprobe-Target header`.
    var unidentifiedList: String {
        self.unidentified.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
    }
}
