#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a line to standard error.
func printError(_ message: String) {
    fputs(message + "\n", stderr)
}

/// Makes standard output line-buffered, so progress lines reach a pipe or a CI log as they happen.
func lineBufferStandardOutput() {
    setvbuf(stdout, nil, _IOLBF, 0)
}
