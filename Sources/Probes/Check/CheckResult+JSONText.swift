import RunResults

extension CheckResult: JSONTextOutput {}
extension IdleProbeResult: JSONTextOutput {}
extension DeflateProbeResult: JSONTextOutput {}
