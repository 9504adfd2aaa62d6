/// A message template: literal text with `{{placeholder}}`s filled for each message.
package struct PayloadTemplate: Sendable, Hashable {
    /// A piece of the template.
    package enum Part: Sendable, Hashable {
        case literal(String)
        /// `{{seq}}`: the message's sequence number on its connection, from 0.
        case seq
        /// `{{conn}}`: the connection's index in the run, from 0.
        case conn
        /// `{{now}}`: Unix time in milliseconds when the message is built.
        case now
        /// `{{target}}`: the serving target's identity if known, else empty.
        case target
    }

    /// Every placeholder name, for validation and suggestions.
    package static let placeholders = ["seq", "conn", "now", "target"]

    /// The template as written.
    package var source: String
    package var parts: [Part]

    package init(source: String, parts: [Part]) {
        self.source = source
        self.parts = parts
    }

    /// The template with placeholders replaced; pure, so tests and the engine agree.
    package func render(seq: Int, conn: Int, nowMilliseconds: Int64, target: String = "") -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .seq: out += String(seq)
            case .conn: out += String(conn)
            case .now: out += String(nowMilliseconds)
            case .target: out += target
            }
        }
        return out
    }

    /// Parses `{{name}}` placeholders; `{{` without a closing `}}` or an unknown name is an error.
    /// - Returns: the template, or the problem and the scalar offset where it starts.
    package static func parse(_ text: String) -> Result<PayloadTemplate, TemplateError> {
        var parts: [Part] = []
        var literal = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                guard end + 1 < scalars.count else {
                    return .failure(
                        TemplateError(message: "'{{' at offset \(index) has no closing '}}'", offset: index)
                    )
                }
                var name = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
                name = name.trimmingSpaces
                let part: Part
                switch name {
                case "seq": part = .seq
                case "conn": part = .conn
                case "now": part = .now
                case "target": part = .target
                default:
                    var message = "unknown placeholder {{\(name)}}; known: {{seq}}, {{conn}}, {{now}}, {{target}}"
                    if let suggestion = Suggestion.closest(to: name, in: placeholders) {
                        message += " (did you mean {{\(suggestion)}}?)"
                    }
                    return .failure(TemplateError(message: message, offset: index))
                }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(part)
                index = end + 2
            } else {
                literal.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return .success(PayloadTemplate(source: text, parts: parts))
    }

    /// Why a template was rejected, with the scalar offset of the problem.
    package struct TemplateError: Error, Sendable, Hashable {
        package var message: String
        package var offset: Int
    }
}
