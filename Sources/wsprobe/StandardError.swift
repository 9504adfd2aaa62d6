import Foundation
import SecretRedaction

// Every line wsprobe prints leaves through one of these functions, and so through `Redaction.redact(text:)`:
// URL userinfo, sensitive query values and every registered secret are hidden unless `--show-secrets`.

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((Redaction.redact(text: message) + "\n").utf8))
}

/// Writes text to standard error as it is (no line end added: a terminal status line rewrites itself with `\r`).
func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(Redaction.redact(text: text).utf8))
}

/// Writes a line to standard output unbuffered, so progress reaches a pipe or a CI log as it happens.
func printProgress(_ message: String) {
    FileHandle.standardOutput.write(Data((Redaction.redact(text: message) + "\n").utf8))
}

/// Writes text to standard output. This module's `print` shadows the standard library's, so no command can
/// print around the redaction step.
func print(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((Redaction.redact(text: text) + terminator).utf8))
}

/// Writes a file wsprobe produces (not a report: those go through `ReportWriter`) after the redaction step.
func writeOutputFile(_ text: String, to url: URL) throws {
    try Data(Redaction.redact(text: text).utf8).write(to: url, options: .atomic)
}
