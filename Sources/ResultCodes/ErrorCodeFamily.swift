/// A group of codes sharing a prefix or a producer, as one table of docs/codes.md.
package struct ErrorCodeFamily: Sendable {
    /// The table's heading.
    package let title: String
    /// Who produces these codes and when, in one line.
    package let summary: String
    /// The codes, in the order the table lists them.
    package let codes: [ErrorCode]
}
