extension Redaction {
    /// A command line with secrets replaced: values of `-H/--header` that name a sensitive header,
    /// `--set key=value` and `--flag=value` pairs whose key is sensitive, and every text through
    /// ``redact(text:)``.
    package static func redact(commandLine arguments: [String]) -> [String] {
        guard !Self.showsSecrets else { return arguments }
        return arguments.map { argument in
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                let name = String(argument[..<equals])
                if Self.isSensitive(name: name) { return name + "=" + Self.marker }
                return name + "=" + Self.redact(argumentValue: String(argument[argument.index(after: equals)...]))
            }
            return Self.redact(argumentValue: argument)
        }
    }

    private static func redact(argumentValue value: String) -> String {
        if let equals = value.firstIndex(of: "="), !value[..<equals].contains(":") {
            let key = String(value[..<equals])
            let lastComponent = key.split(separator: ".").last.map(String.init) ?? key
            if Self.isSensitive(name: lastComponent) { return key + "=" + Self.marker }
        }
        return Self.redact(fieldLine: value)
    }

    /// Registers every secret a command line carries (see ``register(secret:)``): the values of sensitive
    /// `-H` headers, of `--set` paths with a sensitive last key, and of URLs' userinfo and sensitive query
    /// parameters, so they are hidden wherever they are echoed (an error message, a server's reply).
    package static func register(secretsInArguments arguments: [String]) {
        var previous = ""
        for argument in arguments {
            defer { previous = argument }
            Self.register(secretsInURLs: argument)
            var value = argument
            var option = previous
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                option = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else if argument.hasPrefix("-H"), argument.count > 2 {
                option = "-H"
                value = String(argument.dropFirst(2))
            }
            switch option {
            case "-H", "--header":
                if let colon = value.firstIndex(of: ":"), Self.isSensitive(name: String(value[..<colon]).trimmingSpaces)
                {
                    Self.register(secret: String(value[value.index(after: colon)...]))
                } else if let name = value.split(whereSeparator: { $0 == " " || $0 == "=" }).first,
                    Self.isSensitive(name: String(name))
                {
                    // A malformed header (no colon) is echoed by its error message: hide what follows the name.
                    Self.register(secret: String(value.dropFirst(name.count + 1)))
                }
            case "--set":
                if let equals = value.firstIndex(of: "="),
                    let key = value[..<equals].split(separator: ".").last, Self.isSensitive(name: String(key))
                {
                    Self.register(secret: String(value[value.index(after: equals)...]))
                }
            default:
                if option.hasPrefix("-"), option.count > 1, !argument.hasPrefix("-"),
                    Self.isSensitive(name: option.trimmingCharacters("-")), !Self.isPathOption(option)
                {
                    Self.register(secret: value)
                }
            }
        }
    }

    /// Options whose value names a file (`--key client.pem`): a path, not a secret.
    private static func isPathOption(_ option: String) -> Bool {
        ["--key", "--cert", "--cacert", "--client-ca"].contains(option)
    }

    /// Registers the userinfo and the sensitive query values of every URL in `text`.
    package static func register(secretsInURLs text: String) {
        var rest = Substring(text)
        while let separator = rest.firstRange(of: "://") {
            rest = rest[separator.upperBound...]
            let end = rest.firstIndex { $0.isWhitespace || "\"'<>#".contains($0) } ?? rest.endIndex
            let url = rest[..<end]
            let authority = url.prefix { !"/?".contains($0) }
            if let at = authority.lastIndex(of: "@") {
                let userInfo = authority[..<at]
                if let colon = userInfo.firstIndex(of: ":") {
                    Self.register(secret: String(userInfo[userInfo.index(after: colon)...]))
                } else {
                    Self.register(secret: String(userInfo))
                }
            }
            if let question = url.firstIndex(of: "?") {
                for pair in url[url.index(after: question)...].split(whereSeparator: { $0 == "&" || $0 == ";" }) {
                    guard let equals = pair.firstIndex(of: "="), Self.isSensitive(name: String(pair[..<equals]))
                    else { continue }
                    Self.register(secret: String(pair[pair.index(after: equals)...]))
                }
            }
            rest = rest[end...]
        }
    }
}
