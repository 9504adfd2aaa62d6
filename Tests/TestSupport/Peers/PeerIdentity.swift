/// How test peers reveal which backend served a connection.
package enum PeerIdentity {
    /// The response header on the 101 that carries a backend's `--id` name.
    package static let headerName = "X-Wsprobe-Target"
    /// The text message a backend answers with its `--id` name.
    package static let probeMessage = "whoami"
}
