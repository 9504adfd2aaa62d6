import Foundation
import NIOCore
import WSProtocol

/// Messages the server sent on its own during a check (a greeting right behind the 101, a broadcast): counted
/// and sampled, never taken for an echo.
struct UnsolicitedMessages: Sendable {
    /// How many samples are kept.
    static let sampleLimit = 3
    /// Characters of a payload shown in a sample.
    static let excerptLimit = 64

    /// Messages received.
    private(set) var count = 0
    /// The first few, described (`text, 7 B: "welcome"`).
    private(set) var samples: [String] = []
    /// The last one, described.
    private(set) var latest = ""

    mutating func record(_ message: Message) {
        self.count += 1
        self.latest = Self.describe(message)
        if self.samples.count < Self.sampleLimit { self.samples.append(self.latest) }
    }

    /// `text, 7 B: "welcome"`; binary payloads are shown as their size only.
    static func describe(_ message: Message) -> String {
        let size = "\(message.payload.readableBytes) B"
        guard message.kind == .text else { return "\(message.kind), \(size)" }
        let text = String(buffer: message.payload)
        let excerpt = text.count > Self.excerptLimit ? String(text.prefix(Self.excerptLimit)) + "…" : text
        let escaped = excerpt.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\"", with: "\\\"")
        return "text, \(size): \"\(escaped)\""
    }
}
