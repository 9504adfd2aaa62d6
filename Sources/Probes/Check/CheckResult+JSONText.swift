import RunResults

extension IdleProbeResult: JSONTextOutput {}
extension DeflateProbeResult: JSONTextOutput {}
