import RunResults

extension CheckResult: JSONTextOutput {}
