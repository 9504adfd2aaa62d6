package import Scenario

/// A scenario's step list compiled into a flat program with jump targets, run by every `LoadConnection`.
package struct ScriptProgram: Sendable, Equatable {
    /// One instruction of the flattened script.
    package enum Instruction: Sendable, Equatable {
        /// Send one message; `payload` says how its bytes are built.
        case send(kind: MessageKind, payload: PayloadSpec)
        /// Wait for a message matching `match`, or (when `pipelined`) let the echo be matched by sequence number
        /// while the script goes on, so a slow server does not slow the send schedule.
        case expect(match: ExpectMatch, timeoutNanoseconds: UInt64, pipelined: Bool)
        /// Send a ping and wait for its pong.
        case ping(payload: String, timeoutNanoseconds: UInt64)
        /// Wait.
        case sleep(nanoseconds: UInt64)
        /// Start the closing handshake (RFC 6455 §5.5.1) and end the script.
        case close(code: UInt16, reason: String)
        /// Start of a repeat block whose body ends at `end` (the matching `.repeatEnd`).
        case repeatStart(limit: RepeatLimit, end: Int)
        /// End of a repeat block; jumps back to `start + 1` while the limit allows.
        case repeatEnd(start: Int)
    }

    /// Message type of a send.
    package enum MessageKind: Sendable, Equatable {
        case text
        case binary
    }

    /// How the payload of a send is built.
    package enum PayloadSpec: Sendable, Equatable {
        /// `size` bytes: a sequence header (16 bytes binary, 32 hex digits in text) then padding.
        case sized(Int)
        /// A rendered template (`{{seq}}`, `{{conn}}`, `{{now}}`); echoes are matched in order.
        case template(PayloadTemplate)
        /// Fixed bytes (a file); echoes are matched in order.
        case fixed([UInt8])
    }

    /// What an `expect` accepts.
    package enum ExpectMatch: Sendable, Equatable {
        case any
        case regex(String)
        case json(path: String, value: JSONScalar)
    }

    /// How often a repeat body runs.
    package enum RepeatLimit: Sendable, Equatable {
        case times(Int)
        case nanoseconds(UInt64)
        case forever
    }

    package var instructions: [Instruction]

    package init(instructions: [Instruction]) {
        self.instructions = instructions
    }

    /// Compiles `steps`; an `expect` of any message right after a `send` is pipelined when sends are paced.
    package init(steps: [Step], paced: Bool, resolveFile: (String) -> [UInt8]) {
        var out: [Instruction] = []
        Self.compile(steps, paced: paced, resolveFile: resolveFile, into: &out)
        self.instructions = out
    }

    private static func compile(
        _ steps: [Step],
        paced: Bool,
        resolveFile: (String) -> [UInt8],
        into out: inout [Instruction]
    ) {
        for step in steps {
            switch step {
            case .send(let send):
                let kind: MessageKind = send.type == .binary ? .binary : .text
                let payload: PayloadSpec
                switch send.payload {
                case .size(let size): payload = .sized(size)
                case .template(let template): payload = .template(template)
                case .file(let path): payload = .fixed(resolveFile(path))
                }
                out.append(.send(kind: kind, payload: payload))
            case .expect(let expect):
                let match: ExpectMatch
                switch expect.match {
                case .any: match = .any
                case .regex(let pattern): match = .regex(pattern)
                case .json(let path, let value): match = .json(path: path, value: value)
                }
                let afterSend: Bool
                if case .send = out.last { afterSend = true } else { afterSend = false }
                out.append(
                    .expect(
                        match: match,
                        timeoutNanoseconds: expect.timeout.nanosecondsClamped,
                        pipelined: paced && afterSend && match == .any
                    )
                )
            case .ping(let payload, let timeout):
                out.append(.ping(payload: payload, timeoutNanoseconds: timeout.nanosecondsClamped))
            case .sleep(let duration):
                out.append(.sleep(nanoseconds: duration.nanosecondsClamped))
            case .close(let code, let reason):
                out.append(.close(code: code, reason: reason))
            case .repeat(let block):
                let start = out.count
                out.append(.repeatStart(limit: .forever, end: 0))
                compile(block.steps, paced: paced, resolveFile: resolveFile, into: &out)
                let limit: RepeatLimit
                switch block.limit {
                case .times(let count): limit = .times(count)
                case .duration(let duration): limit = .nanoseconds(duration.nanosecondsClamped)
                case .forever: limit = .forever
                }
                out[start] = .repeatStart(limit: limit, end: out.count)
                out.append(.repeatEnd(start: start))
            }
        }
    }
}

extension Duration {
    /// Whole nanoseconds, clamped to `0...UInt64.max`.
    package var nanosecondsClamped: UInt64 {
        let (seconds, attoseconds) = self.components
        guard seconds >= 0 else { return 0 }
        let (scaled, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(UInt64(max(0, attoseconds) / 1_000_000_000))
        return overflow2 ? .max : sum
    }
}
