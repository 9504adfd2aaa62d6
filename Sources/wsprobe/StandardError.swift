import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes a line to standard output unbuffered, so progress reaches a pipe or a CI log as it happens.
func printProgress(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}
