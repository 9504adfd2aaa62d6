import SecretRedaction

/// `--show-secrets`: accepted by every command, anywhere before `--`, and applied before parsing, so even a
/// parse error's echo of an argument is redacted without it.
enum ShowSecretsOption {
    /// The flag as typed.
    static let flag = "--show-secrets"

    /// The help line the root command shows.
    static let help = """
        Secrets (Authorization, Cookie and other credential headers, URL userinfo, token, key, sig and other \
        credential query values, sensitive --set and scenario values) are redacted as [redacted] in every \
        output: console, --json, report files, error messages. \(flag), given to any command, shows them.
        """

    /// Sets the redaction policy from `arguments` and registers the secrets they carry; returns the
    /// arguments without `--show-secrets`.
    static func apply(to arguments: [String]) -> [String] {
        var remaining: [String] = []
        var shows = false
        var afterSeparator = false
        for argument in arguments {
            if argument == "--" { afterSeparator = true }
            if !afterSeparator, argument == Self.flag {
                shows = true
                continue
            }
            remaining.append(argument)
        }
        Redaction.setShowsSecrets(shows)
        Redaction.register(secretsInArguments: remaining)
        return remaining
    }
}
