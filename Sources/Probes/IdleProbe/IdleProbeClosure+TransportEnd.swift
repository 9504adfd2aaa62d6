import RunResults
import WSTransport

extension IdleProbeClosure.TCPEnd {
    /// How the transport of a probe connection ended, in the result's words.
    init(_ end: TransportEnd) {
        switch end {
        case .peerFIN: self = .fin
        case .peerReset: self = .rst
        case .local: self = .local
        }
    }
}
