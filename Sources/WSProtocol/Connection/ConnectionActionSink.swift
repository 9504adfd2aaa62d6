/// Where `ConnectionStateMachine` puts the actions an event produces.
///
/// The machine appends to a sink the caller passes `inout`, and the caller carries the actions out after the
/// call returns. This has two reasons:
/// - no allocation per event: a caller keeps one `[ConnectionAction]`, drains it and empties it with
///   `removeAll(keepingCapacity: true)`, so after warm-up appending costs no allocation;
/// - no re-entrancy: a callback closure would run transport code (and user code reacting to a delivered
///   message, which may call `send`) while the machine is still being mutated, an exclusivity violation.
package protocol ConnectionActionSink {
    /// Records one action, in order.
    mutating func append(_ action: ConnectionAction)
}

extension Array: ConnectionActionSink where Element == ConnectionAction {}
