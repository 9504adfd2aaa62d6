/// Whether `ConnectionStateMachine.receive` handled every buffered frame.
package enum ReceiveResult: Sendable, Hashable {
    /// Every complete frame was handled; wait for the next read.
    case needMoreBytes
    /// A message was delivered and more bytes are buffered: carry out the actions (letting the application
    /// react to the message), then call `continueReceiving(into:)`.
    case pausedAfterMessage
}
