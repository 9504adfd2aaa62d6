/// A resource whose exhaustion stopped connections from opening, named in the result so a capacity run says
/// which limit it hit rather than just "errors".
package enum LimitKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// No free local port (EADDRNOTAVAIL): add source addresses with `--source`.
    case ports
    /// Out of file descriptors (EMFILE, ENFILE): raise `ulimit -n`.
    case descriptors
    /// Out of memory (ENOMEM, ENOBUFS).
    case memory
    /// The target refused, reset or did not answer in time.
    case target

    /// What the limit means, for the console.
    package var explanation: String {
        switch self {
        case .ports: "no free local port; add source addresses with --source"
        case .descriptors: "out of file descriptors; raise ulimit -n"
        case .memory: "out of memory or socket buffers"
        case .target: "the target refused, reset or did not answer in time"
        }
    }
}
