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
}
