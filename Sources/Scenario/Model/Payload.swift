/// Where a message's bytes come from.
package enum Payload: Sendable, Hashable {
    /// `size` bytes of filler (printable ASCII for text, random for binary). The engine may place its
    /// sequence number and timestamp at the front, so sizes below 16 bytes still work but carry less.
    case size(Int)
    /// Text with placeholders filled per message.
    case template(PayloadTemplate)
    /// The contents of a file (path relative to the scenario file), read once at start.
    case file(String)
}
