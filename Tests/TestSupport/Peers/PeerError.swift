/// Why a test peer could not be started or used.
///
/// Every message says what to do next; a missing binary or Python module always points at
/// `scripts/install-test-peers.sh`, which CI runs before the tests.
package enum PeerError: Error, CustomStringConvertible {
    /// An executable was found neither on `PATH` nor in the usual system folders.
    case executableMissing(String)
    /// A peer script under `Tests/Peers/` is missing.
    case scriptMissing(String)
    /// The peer process exited before it accepted connections.
    case exited(peer: String, status: Int32, output: String)
    /// The peer did not accept connections on its port within the wait.
    case notListening(peer: String, port: Int, seconds: Double, output: String)
    /// A loopback socket call failed.
    case socket(operation: String, errno: Int32)
    /// A raw connection read or wrote nothing within its timeout.
    case timedOut(operation: String)
    /// The peer closed the connection before the expected bytes arrived.
    case closedEarly(received: Int)
    /// The bytes a peer sent are not the HTTP response head a test expected.
    case malformedResponse(String)
    /// A helper command exited with a failure status.
    case commandFailed(command: String, status: Int32, output: String)
    /// An ALB stand-in configuration cannot be rendered.
    case invalidConfiguration(String)

    private static let installHint = "Run scripts/install-test-peers.sh (CI installs the test peers)."

    package var description: String {
        switch self {
        case .executableMissing(let name):
            return "The test peer executable '\(name)' was not found on PATH, /usr/sbin or /sbin. \(Self.installHint)"
        case .scriptMissing(let path):
            return "The peer script \(path) is missing."
        case .exited(let peer, let status, let output):
            return "The test peer \(peer) exited with status \(status) before accepting connections. "
                + "\(Self.installHint) Its output:\n\(output)"
        case .notListening(let peer, let port, let seconds, let output):
            return "The test peer \(peer) did not accept connections on 127.0.0.1:\(port) within \(seconds) s. "
                + "Its output:\n\(output)"
        case .socket(let operation, let code):
            return "The loopback socket call \(operation) failed with errno \(code)."
        case .timedOut(let operation):
            return "The raw loopback connection timed out in \(operation)."
        case .closedEarly(let received):
            return "The peer closed the connection after \(received) bytes, before the expected response was complete."
        case .malformedResponse(let text):
            return "The peer's answer is not an HTTP response head: \(text.prefix(200))"
        case .commandFailed(let command, let status, let output):
            return "The helper command \(command) exited with status \(status): \(output)"
        case .invalidConfiguration(let reason):
            return "The ALB stand-in configuration is invalid: \(reason)"
        }
    }
}
