import Foundation
import TestSupport

/// Seeded random command lines and scenario documents for the generated-input tests: a mix of valid values,
/// values just past a limit, malformed ones (signs, exponents, missing units, CR/LF, NUL, long text) and
/// YAML with aliases, deep nesting and junk.
struct GeneratedInputs {
    /// What a flag takes, so its values can be generated.
    enum Kind: CaseIterable {
        case count, size, duration, rate, text, header, deflate, tlsVersion, resolve, address, url, override, port
    }

    /// A command path and its value-taking flags.
    struct Command {
        var path: [String]
        var flags: [(name: String, kind: Kind)]
        /// A positional argument to add first (a scenario file for `run`), if any.
        var positional: String?
    }

    static let connection: [(String, Kind)] = [
        ("-H", .header), ("--subprotocol", .text), ("--origin", .text), ("--deflate", .deflate),
        ("--tls-min", .tlsVersion), ("--resolve", .resolve), ("--connect-timeout", .duration), ("--source", .address),
    ]

    static func commands(scenario: String) -> [Command] {
        [
            Command(
                path: ["check"],
                flags: connection + [("--count", .count), ("--size", .size), ("--timeout", .duration)]
            ),
            Command(
                path: ["probe", "deflate"],
                flags: connection + [
                    ("--count", .count), ("--size", .size), ("--timeout", .duration), ("--offer", .deflate),
                ]
            ),
            Command(path: ["probe", "idle"], flags: connection + [("--max", .duration), ("--resolution", .duration)]),
            Command(
                path: ["probe", "rate"],
                flags: [
                    ("--step", .duration), ("--from", .rate), ("--to", .rate), ("--set", .override), ("--url", .url),
                ],
                positional: scenario
            ),
            Command(
                path: ["run"],
                flags: [("--duration", .duration), ("--set", .override), ("--url", .url)],
                positional: scenario
            ),
            Command(
                path: ["serve"],
                flags: [
                    ("--port", .port), ("--idle-close", .duration), ("--delay-upgrade", .duration),
                    ("--drop-after", .duration),
                    ("--close-code", .count), ("--backlog", .count),
                ]
            ),
            Command(
                path: ["alb", "lint"],
                flags: [("--heartbeat", .duration), ("--sources", .count)],
                positional: "alb.json"
            ),
            Command(path: ["validate"], flags: [("--set", .override)], positional: scenario),
        ]
    }

    /// A value of each kind that every command refuses (exit 2) before it opens a connection or a port.
    static let alwaysInvalid: [Kind: [String]] = [
        .count: ["-1", "ten", "1e3", "99999999999999999999"], .size: ["4GiB", "17MiB", "-5", "1e9B", "12 parsecs"],
        .duration: ["30", "1e3s", "-1s", "5 sec", "745h", ""], .rate: ["200", "1e308/s", "200/d"],
        .header: ["X: a\r\nY: b", "no-colon", "Bad Name: v"], .text: ["a\r\nb", "a\u{0}b"],
        .deflate: ["client_max_window_bits=99", "x=\r\n"], .tlsVersion: ["1.1", "1.3\n"],
        .resolve: ["a.example:80", "::"], .address: ["not-an-ip", "999.1.1.1"],
        .url: ["http://x/", "ws://a b/", "ws://h:0/"], .override: ["no-equals", "load.connections=-5"],
        .port: ["-1", "70000"],
    ]

    var random: SplitMix64

    init(seed: UInt64) {
        self.random = SplitMix64(seed: seed)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self.random)] }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self.random) < probability }

    /// Text that stresses parsers: control characters, Unicode, YAML and template syntax, long runs.
    mutating func hostileText() -> String {
        let pieces = [
            "", " ", "\r\n", "\n", "\u{0}", "\t", "é", "💥", "{{", "}}", "{{id}}", "%", "*a", "&a", "---", "'", "\"",
            "[", "]", "{", "}", ":", "#", "-", "=", ".", "0", "1e308", "-1", "nan", "ws://", "\u{FEFF}", "\\",
        ]
        var text = ""
        for _ in 0..<Int.random(in: 1...6, using: &self.random) { text += self.pick(pieces) }
        if self.chance(0.05) { text += String(repeating: self.pick(["a", "[", "9", "é"]), count: 5000) }
        return text
    }

    mutating func value(of kind: Kind) -> String {
        if self.chance(0.35), let invalid = Self.alwaysInvalid[kind] { return self.pick(invalid) }
        if self.chance(0.1) { return self.hostileText() }
        switch kind {
        case .count: return self.pick(["0", "1", "3", "64", "10000", "10001", "2147483648", "9223372036854775807"])
        case .size: return self.pick(["0", "16", "64KiB", "16MiB", "16777216", "1.5KiB", "1TB", "0B"])
        case .duration: return self.pick(["1s", "250ms", "30s", "1h30m", "0s", "1.5s", "744h", "10us"])
        case .rate: return self.pick(["200/s", "12000/m", "0.5/s", "0/s", "100000000/s", "100000001/s"])
        case .text: return self.pick(["chat", "https://a.example", "v1.json", "a,b"])
        case .header: return self.pick(["X-A: b", "Authorization: Bearer t", "X:", ": v"])
        case .deflate: return self.pick(["default", "client_max_window_bits=12", "server_no_context_takeover"])
        case .tlsVersion: return self.pick(["1.2", "1.3"])
        case .resolve: return self.pick(["a.example:443:127.0.0.1", "h:80:[::1]"])
        case .address: return self.pick(["127.0.0.1", "::1"])
        case .url: return self.pick(["ws://127.0.0.1:9/", "wss://localhost:9/x?y=1", "ws://[::1]:9/"])
        case .override: return self.override()
        case .port: return self.pick(["0", "65535", "8080"])
        }
    }

    mutating func override() -> String {
        let paths = [
            "load.connections", "description", "name", "steps[0]", "thresholds[0]", "target.url", "duration", "a..b",
            "x[9]",
        ]
        var path = self.pick(paths)
        if self.chance(0.05) {
            // A path far deeper than a scenario may nest (a 60000-key path once overflowed the stack).
            let depth = Int.random(in: 1...20_000, using: &self.random)
            path = "a" + (0..<depth).map { _ in self.pick([".a", "[0]"]) }.joined()
        }
        return path + "="
            + (self.chance(0.2) ? Self.aliasBomb(depth: Int.random(in: 2...9, using: &self.random)) : self.scalar())
    }

    /// Random flags and values for `command`; with `forceInvalid` one of them is always invalid.
    mutating func arguments(for command: Command, forceInvalid: Bool) -> [String] {
        var arguments = command.path + (command.positional.map { [$0] } ?? [])
        let count = Int.random(in: 0...4, using: &self.random)
        for _ in 0..<count {
            let flag = self.pick(command.flags)
            arguments += [flag.name, self.value(of: flag.kind)]
        }
        if forceInvalid {
            let flag = self.pick(command.flags)
            arguments += [flag.name, self.pick(Self.alwaysInvalid[flag.kind] ?? ["-1"])]
        }
        if self.chance(0.05) { arguments.append(self.pick(["--bogus", "-Z", "--count"])) }
        return arguments
    }

    /// Nine-wide alias chains `depth` deep, as one flow mapping.
    static func aliasBomb(depth: Int) -> String {
        var entries = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<max(depth, 2) {
            entries.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]"
            )
        }
        return "{" + entries.joined(separator: ", ") + "}"
    }

    mutating func scalar() -> String {
        let pools = [
            ["30s", "1", "30", "1e3s", "-1s", "1h30m"], ["200/s", "1e308/s", "200"], ["64KiB", "17MiB", "4GiB", "64"],
            ["99.9%", "101%"], ["0", "-1", "500", "1e9", "0x10", "true", "null", "~"],
            ["ws://127.0.0.1:9/", "wss://a b/", "http://x/"],
            ["p99(message_rtt) < 50ms", "rate(upgrade_ok) >= 1e2%", "count(("],
        ]
        if self.chance(0.15) {
            return "\"" + self.hostileText().unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\""
        }
        return self.pick(self.pick(pools))
    }

    /// A flow-style YAML value up to `depth` levels deep, sometimes with anchors and aliases.
    mutating func yamlValue(depth: Int, anchors: inout [String]) -> String {
        let keys = [
            "name", "connections", "arrivalRate", "rampUp", "hold", "send", "expect", "sleep", "repeat", "times",
            "steps",
            "url", "headers", "tls", "insecure", "size", "text", "type", "timeout", "duration", "bogus", "<<",
        ]
        if !anchors.isEmpty, self.chance(0.1) { return "*" + self.pick(anchors) }
        var value: String
        switch depth <= 0 ? 0 : Int.random(in: 0...2, using: &self.random) {
        case 0: value = self.scalar()
        case 1:
            let items = (0..<Int.random(in: 0...4, using: &self.random)).map { _ in
                self.yamlValue(depth: depth - 1, anchors: &anchors)
            }
            value = "[" + items.joined(separator: ", ") + "]"
        default:
            var entries: [String] = []
            for key in Set((0..<Int.random(in: 0...4, using: &self.random)).map { _ in self.pick(keys) }) {
                entries.append("\(key): " + self.yamlValue(depth: depth - 1, anchors: &anchors))
            }
            value = "{" + entries.joined(separator: ", ") + "}"
        }
        if self.chance(0.1) {
            let anchor = "n\(anchors.count)"
            anchors.append(anchor)
            value = "&\(anchor) " + value
        }
        return value
    }

    /// A scenario document: generated keys and values, or an example scenario with a line damaged.
    mutating func document(examples: [String]) -> String {
        if !examples.isEmpty, self.chance(0.3) {
            var lines = self.pick(examples).components(separatedBy: "\n")
            let line = Int.random(in: 0..<lines.count, using: &self.random)
            switch Int.random(in: 0...3, using: &self.random) {
            case 0: lines.remove(at: line)
            case 1: lines.insert(lines[line], at: line)
            case 2: lines[line] += " " + self.scalar()
            default: lines[line] = String(lines[line].prefix(while: { $0 == " " })) + self.hostileText()
            }
            return lines.joined(separator: "\n")
        }
        var anchors: [String] = []
        let topKeys = [
            "name", "description", "target", "load", "steps", "thresholds", "duration", "expect", "routes", "output",
            "bogus",
        ]
        var lines: [String] = []
        for key in Set((0..<Int.random(in: 1...7, using: &self.random)).map { _ in self.pick(topKeys) }) {
            lines.append("\(key): " + self.yamlValue(depth: 4, anchors: &anchors))
        }
        if self.chance(0.1) {
            lines.append("description: " + Self.aliasBomb(depth: Int.random(in: 2...9, using: &self.random)))
        }
        if self.chance(0.05) { lines.append("steps: " + String(repeating: "[", count: 100)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
